"""The GitHub workflows: valid against GitHub's workflow schema (check-jsonschema ships it), clean under zizmor's
offline audits (nothing of medium severity or above, and nothing at all under the auditor persona), actions pinned
to commits and the container image to a digest, least privilege, and the same Makefile targets that people run
locally."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
BIN = Path(sys.executable).parent  # check-jsonschema and zizmor come with the `test` extra
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*$")
IMAGE_BY_DIGEST = re.compile(r"^[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}$")  # name:tag@sha256:..., the tag for people


def load(path: Path) -> dict:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # `on` stays a string key
    assert isinstance(data, dict), path
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {name for line in re.findall(r"^([\w .-]+):(?!=)", text, re.M) for name in line.split()}


def test_there_are_the_two_workflows() -> None:
    assert {p.name for p in WORKFLOWS} == {"ci.yml", "deploy.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_github_workflow_schema(path: Path) -> None:
    run = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def zizmor(*args: str | Path) -> list[dict]:
    """zizmor's findings (offline: the online audits need a GitHub token) as JSON."""
    run = subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", "--format", "json", *map(str, args)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.stdout.strip(), run.stderr
    return json.loads(run.stdout)


def test_zizmor_finds_nothing_of_medium_severity_or_above() -> None:
    assert zizmor("--min-severity", "medium", *WORKFLOWS) == []


def test_zizmor_finds_nothing_at_all_as_an_auditor() -> None:
    """The auditor persona adds the pedantic audits (an image without a digest is one) and every severity."""
    assert zizmor("--persona", "auditor", *WORKFLOWS) == []


def test_zizmor_as_an_auditor_flags_a_container_image_without_its_digest(tmp_path: Path) -> None:
    ci = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    unpinned = re.sub(r"(container: \S+)@sha256:[0-9a-f]{64}", r"\1", ci)
    assert unpinned != ci
    (tmp_path / "ci.yml").write_text(unpinned, encoding="utf-8")
    assert [finding["ident"] for finding in zizmor("--persona", "auditor", tmp_path / "ci.yml")] == ["unpinned-images"]


def test_jobs_run_in_one_container_image_pinned_by_digest() -> None:
    """ci.yml tests in the image deploy.yml builds the published site in; a digest, not a tag that moves."""
    images = {}
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            if "container" in job:
                container = job["container"]
                images[f"{path.name}:{name}"] = container["image"] if isinstance(container, dict) else container
    assert set(images) == {"ci.yml:build", "deploy.yml:build"}
    assert len(set(images.values())) == 1, images
    assert all(IMAGE_BY_DIGEST.match(image) for image in images.values()), images


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment(path: Path) -> None:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert PINNED.match(line.split("uses:", 1)[1].strip()), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_runs_use_makefile_targets_that_exist(path: Path) -> None:
    targets = make_targets()
    commands = [step["run"] for step in steps(load(path)) if "run" in step]
    used = {word for command in commands for word in re.findall(r"\bmake (\w[\w-]*)", command)}
    assert used
    assert used <= targets, used - targets


def test_pull_requests_check_the_changed_seeds_test_build_and_upload_the_site() -> None:
    ci = load(ROOT / ".github" / "workflows" / "ci.yml")
    assert set(ci["on"]) == {"pull_request", "push"}
    assert ci["permissions"] == {"contents": "read"}
    job_steps = steps(ci)
    runs = [step.get("run", "") for step in job_steps]
    assert any(run.startswith("make check SINCE=") for run in runs)
    check = next(step for step in job_steps if step.get("run", "").startswith("make check"))
    assert "HEAD^1" in check["env"]["SINCE"]
    # The whole history: dates added and old addresses come from it (a shallow clone fails the build).
    assert next(s for s in job_steps if "checkout" in s.get("uses", ""))["with"]["fetch-depth"] == "0"
    order = [run.split()[1] for run in runs if run.startswith("make ")]
    assert order == ["install", "check", "lint", "test", "preview"]
    uploads = [s for s in job_steps if "upload-artifact" in s.get("uses", "")]
    assert {"path": "site/"}.items() <= uploads[-1]["with"].items()
    assert any("GITHUB_STEP_SUMMARY" in run for run in runs)


def test_main_is_deployed_to_pages_with_least_privilege_and_one_deployment_at_a_time() -> None:
    deploy = load(ROOT / ".github" / "workflows" / "deploy.yml")
    assert set(deploy["on"]) <= {"push", "workflow_dispatch"}
    assert deploy["on"]["push"] == {"branches": ["main"]}
    assert deploy["permissions"] == {}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["needs"] == "build"
    assert publish["environment"]["name"] == "github-pages"
    uses = [step["uses"].split("@")[0] for step in steps(deploy) if "uses" in step]
    assert uses == ["actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact",
                    "actions/deploy-pages"]
    site = next(step for step in build["steps"] if step.get("run") == "make site")
    assert set(site["env"]) == {"SITE_URL", "REPO_URL"}
    for step in steps(deploy):
        if "checkout" in step.get("uses", ""):
            assert step["with"]["persist-credentials"] == "false"
            assert step["with"]["fetch-depth"] == "0"  # dates added and old addresses come from the history
    assert any("safe.directory" in step.get("run", "") for step in steps(deploy))  # git reads the checkout
