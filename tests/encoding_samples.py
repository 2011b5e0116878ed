"""Article-length samples in legacy encodings, made from sentences written for these tests (no scraped text).

`samples()` gives (name, encoding, text) triples: an article of 1-3 KB assembled from a language's sentences by a
seeded random choice, to be encoded with `encoding` and decoded back to `text`. The English, French and German
Windows-1252 samples carry only a few characters outside ASCII (an apostrophe, a euro sign, a dash), the case a
charset detector gets wrong; the others are full of their script. tests/test_encodings.py decodes every sample;
`python tests/encoding_samples.py` prints how many of each kind the project's decoder gets right (and doubts).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

# Sentences of each language. In the Windows-1252 languages, those that hold a character outside ASCII are kept
# apart (`*_MARKED`), so that a sample can be given exactly as few of them as wanted.
EN = [
    ("BYD sold more than 300,000 new energy vehicles in March, the company said in a filing to the Hong Kong stock "
    "exchange on Tuesday."),
    ("Analysts had expected sales to slow after the Lunar New Year holiday, when many dealers in smaller cities close "
    "for two weeks."),
    ("The Shenzhen-based carmaker has cut prices on several models this year as competition with Tesla, Geely and a "
    "crowd of younger brands grows fiercer."),
    ("Exports rose by almost a third from a year earlier, helped by new shipping routes to Europe, Latin America and "
    "the Middle East."),
    "Li Auto, which sells extended-range SUVs, said deliveries in the first quarter came in below its own guidance.",
    ("The company blamed a slower than expected launch of its first battery-only model and said it would refocus on "
    "its core range."),
    ("Government data show that plug-in hybrids now account for a growing share of new energy vehicle sales, "
    "especially outside the largest cities."),
    "Several local governments have extended trade-in subsidies that pay buyers to scrap older petrol cars.",
    "Xiaomi said it had received more orders for its SU7 sedan than its factory in Beijing could build this year.",
    "Shares of the smartphone maker rose 4 percent in Hong Kong after the announcement.",
    ("Industry groups warn that a price war is squeezing margins at suppliers, some of whom have been asked to cut "
    "prices by a tenth."),
    ("The China Association of Automobile Manufacturers expects total vehicle sales to grow by about 3 percent this "
    "year."),
    "Dealers in the northeast said showroom traffic had picked up in the last two weeks of the month.",
    "The joint venture plans to halve the number of models it sells in China by the end of next year.",
    "Battery makers CATL and BYD together supplied more than half of the cells fitted in new cars last year.",
    "A spokesman for the ministry declined to comment on the talks with the European Commission.",
]
EN_MARKED = [
    "BYD\u2019s new plant in Szeged is due to start production next year.",
    "Li Auto\u2019s chief executive said the company would \u201cstay patient\u201d with its battery-only models.",
    "Prices start at \u20ac25,000 before subsidies, the company said.",
    "The model \u2013 a compact SUV \u2013 will be sold in 20 markets from the autumn.",
    "Sales fell in January\u2026 and then recovered in February.",
    "Nio\u2019s battery-swap stations \u2014 more than 2,500 of them \u2014 are mostly in eastern China.",
    "The Citro\u00ebn \u00eb-C3 is built in Slovakia, not in China.",
]
FR = [
    ("Le constructeur chinois BYD a vendu plus de 300 000 véhicules à énergie nouvelle en mars, selon un document "
    "publié mardi."),
    "Les analystes s'attendaient à un ralentissement après les congés du Nouvel An lunaire.",
    "Le groupe a baissé ses prix sur plusieurs modèles cette année face à la concurrence de Tesla et de Geely.",
    ("Les exportations ont progressé de près d'un tiers sur un an, portées par de nouvelles liaisons maritimes vers "
    "l'Europe."),
    "La société a précisé que l'usine de Wuhan produira des véhicules électriques dès l'été prochain.",
    "Renault et Citroën cherchent des partenaires en Chine pour réduire leurs coûts de développement.",
    "Les concessionnaires de province ont constaté une hausse de la fréquentation à la fin du mois.",
    "Le ministère a refusé de commenter les négociations avec la Commission européenne.",
    "Selon les données officielles, les hybrides rechargeables représentent une part croissante des ventes.",
    "Plusieurs collectivités ont prolongé les primes à la casse destinées aux voitures à essence les plus âgées.",
    "Les fournisseurs se plaignent d'une guerre des prix qui réduit leurs marges à presque rien.",
    "Xiaomi affirme avoir reçu plus de commandes pour sa berline SU7 que son usine de Pékin ne peut en livrer.",
]
FR_MARKED = [
    "Le PDG a déclaré que le groupe resterait \u00ab patient \u00bb avec ses modèles électriques\u2026",
    "Le prix de départ est fixé à 25 000 \u20ac avant subventions.",
    "L\u2019usine hongroise de BYD doit ouvrir l\u2019an prochain.",
    "Le constructeur a vendu 12 000 voitures \u2013 un record \u2013 en une semaine.",
    "Les ventes de c\u0153ur de gamme ont reculé de 5 % en janvier.",
]
DE = [
    "Der chinesische Hersteller BYD hat im März mehr als 300.000 Fahrzeuge mit neuer Energie verkauft.",
    "Analysten hatten nach dem Neujahrsfest mit einem schwächeren Absatz gerechnet.",
    "Der Konzern hat in diesem Jahr die Preise mehrerer Modelle gesenkt, um mit Tesla und Geely mitzuhalten.",
    "Die Exporte stiegen im Vergleich zum Vorjahr um fast ein Drittel.",
    "Das Werk in Ungarn soll im kommenden Jahr die Produktion aufnehmen.",
    "Zulieferer klagen über einen Preiskampf, der ihre Margen fast vollständig aufzehrt.",
    "Mehrere Städte haben die Abwrackprämie für ältere Benziner verlängert.",
    "Volkswagen will die Zahl seiner Modelle in China bis Ende nächsten Jahres halbieren.",
    "Die Händler im Nordosten berichten von mehr Kunden in den Ausstellungsräumen.",
    "Ein Sprecher des Ministeriums wollte sich zu den Gesprächen mit Brüssel nicht äußern.",
    "Plug-in-Hybride machen inzwischen einen wachsenden Anteil der Verkäufe aus.",
    "Xiaomi hat nach eigenen Angaben mehr Bestellungen für die Limousine SU7 erhalten, als das Werk bauen kann.",
]
DE_MARKED = [
    "Der Vorstandschef sagte, man werde \u201egeduldig\u201c bleiben.",
    "Der Einstiegspreis liegt bei 25.000 \u20ac vor Förderung.",
    "Das Modell \u2013 ein kompakter SUV \u2013 kommt im Herbst nach Europa.",
]
ES = [
    "El fabricante chino BYD vendió más de 300.000 vehículos de nuevas energías en marzo, según un comunicado.",
    "Los analistas esperaban una caída de las ventas después del Año Nuevo lunar.",
    "La compañía ha rebajado los precios de varios modelos para competir con Tesla y Geely.",
    "Las exportaciones aumentaron casi un tercio respecto al año anterior.",
    "¿Podrá la marca mantener el ritmo cuando terminen las subvenciones?",
    "La fábrica de Hungría empezará a producir el año que viene, según la empresa.",
    "Los proveedores se quejan de una guerra de precios que reduce sus márgenes.",
    "Varias ciudades han prorrogado las ayudas para achatarrar coches de gasolina antiguos.",
    "Un portavoz del ministerio declinó comentar las negociaciones con Bruselas.",
    "¡Las ventas de híbridos enchufables se duplicaron en el último trimestre!",
]
PL = [
    "Chiński producent BYD sprzedał w marcu ponad 300 tysięcy samochodów elektrycznych i hybrydowych.",
    "Analitycy spodziewali się spadku sprzedaży po święcie Nowego Roku księżycowego.",
    "Firma obniżyła w tym roku ceny kilku modeli, aby konkurować z Teslą i Geely.",
    "Eksport wzrósł o prawie jedną trzecią w porównaniu z ubiegłym rokiem.",
    "Fabryka na Węgrzech ma rozpocząć produkcję w przyszłym roku.",
    "Dostawcy skarżą się na wojnę cenową, która niszczy ich marże.",
    "Kilka miast przedłużyło dopłaty do złomowania starszych aut spalinowych.",
    "Rzecznik ministerstwa odmówił komentarza w sprawie rozmów z Komisją Europejską.",
    "Według danych rządowych hybrydy typu plug-in stanowią coraz większą część sprzedaży.",
    "Dealerzy z północnego wschodu zauważyli większy ruch w salonach pod koniec miesiąca.",
    "Źródła w branży mówią, że żółte tablice rejestracyjne zostaną zniesione.",
    "Łódź i Gdańsk rozważają zakup chińskich autobusów elektrycznych.",
]
CS = [
    "Čínský výrobce BYD prodal v březnu více než 300 tisíc vozidel s novými zdroji energie.",
    "Analytici očekávali po oslavách lunárního Nového roku pokles prodeje.",
    "Společnost letos snížila ceny několika modelů, aby mohla konkurovat Tesle a Geely.",
    "Vývoz vzrostl meziročně téměř o třetinu.",
    "Továrna v Maďarsku má zahájit výrobu příští rok.",
    "Dodavatelé si stěžují na cenovou válku, která jim ničí marže.",
    "Několik měst prodloužilo příspěvky na šrotování starších benzinových aut.",
    "Mluvčí ministerstva odmítl jednání s Evropskou komisí komentovat.",
    "Škoda zvažuje, že v Číně ukončí prodej několika modelů.",
    "Prodejci na severovýchodě zaznamenali na konci měsíce větší zájem zákazníků.",
]
HU = [
    "A kínai BYD márciusban több mint 300 ezer új energiás járművet adott el.",
    "Az elemzők a holdújév utáni időszakra az eladások visszaesésére számítottak.",
    "A vállalat idén több modell árát is csökkentette, hogy versenyben maradjon a Teslával.",
    "A szegedi gyár jövőre kezdi meg a termelést a cég szerint.",
    "A beszállítók panaszkodnak, hogy az árháború felőrli a haszonkulcsukat.",
    "Több város meghosszabbította a régi benzines autók forgalomból való kivonásának támogatását.",
    "A minisztérium szóvivője nem kívánta kommentálni az Európai Bizottsággal folytatott tárgyalásokat.",
    "Az exportbővülés üteme meghaladta a várakozásokat, különösen Dél-Amerikában.",
    "Győrben és Kecskeméten is új beszállítói üzemek épülnek.",
]
RU = [
    "Китайский производитель BYD продал в марте более 300 тысяч автомобилей на новых источниках энергии.",
    "Аналитики ожидали снижения продаж после праздника Нового года по лунному календарю.",
    "Компания в этом году снизила цены на несколько моделей, чтобы конкурировать с Tesla и Geely.",
    "Экспорт вырос почти на треть по сравнению с прошлым годом.",
    "Завод в Венгрии должен начать производство в следующем году.",
    "Поставщики жалуются на ценовую войну, которая съедает их прибыль.",
    "Несколько городов продлили субсидии на утилизацию старых бензиновых машин.",
    "Представитель министерства отказался комментировать переговоры с Еврокомиссией.",
    "Дилеры на северо-востоке отметили рост числа посетителей в конце месяца.",
    "По данным правительства, подключаемые гибриды занимают всё большую долю рынка.",
]
UK = [
    "Китайський виробник BYD продав у березні понад 300 тисяч автомобілів на нових джерелах енергії.",
    "Аналітики очікували зниження продажів після свята Нового року за місячним календарем.",
    "Компанія цього року знизила ціни на кілька моделей, щоб конкурувати з Tesla та Geely.",
    "Експорт зріс майже на третину порівняно з минулим роком.",
    "Постачальники скаржаться на цінову війну, яка з'їдає їхні прибутки.",
    "Кілька міст продовжили субсидії на утилізацію старих бензинових автівок.",
    "Речник міністерства відмовився коментувати переговори з Єврокомісією.",
    "Дилери на північному сході помітили більше відвідувачів наприкінці місяця.",
]
BG = [
    "Китайският производител BYD е продал през март над 300 хиляди превозни средства с нова енергия.",
    "Анализаторите очакваха спад на продажбите след празника на лунната Нова година.",
    "Компанията намали тази година цените на няколко модела, за да се конкурира с Tesla и Geely.",
    "Износът се е увеличил с почти една трета спрямо миналата година.",
    "Доставчиците се оплакват от ценова война, която изяжда печалбите им.",
    "Говорител на министерството отказа да коментира преговорите с Европейската комисия.",
    "Търговците в североизточната част на страната отчитат повече клиенти в края на месеца.",
]
ZH = [
    "比亚迪三月份销售新能源汽车超过三十万辆，公司周二在香港交易所发布公告称。",
    "分析人士原本预计春节假期后销量会有所放缓，许多小城市的经销商会停业两周。",
    "今年以来，这家总部位于深圳的汽车制造商已多次下调多款车型的价格，以应对特斯拉和吉利的竞争。",
    "出口量同比增长近三分之一，新开通的前往欧洲和拉丁美洲的航线起到了推动作用。",
    "理想汽车表示，第一季度交付量低于公司此前的预期。",
    "政府数据显示，插电式混合动力汽车在新能源汽车销量中的占比不断上升。",
    "多个地方政府延长了以旧换新补贴政策，鼓励消费者报废老旧燃油车。",
    "小米表示，其SU7轿车的订单量已超过北京工厂今年的产能。",
    "行业协会警告称，价格战正在挤压零部件供应商的利润空间。",
    "中国汽车工业协会预计，今年汽车总销量将增长约百分之三。",
    "东北地区的经销商表示，月底最后两周的客流量明显回升。",
    "商务部发言人拒绝就与欧盟委员会的谈判发表评论。",
]
ZHT = [
    "比亞迪三月份銷售新能源汽車超過三十萬輛，公司週二在香港交易所發佈公告稱。",
    "分析人士原本預計春節假期後銷量會有所放緩，許多小城市的經銷商會停業兩週。",
    "今年以來，這家總部位於深圳的汽車製造商已多次下調多款車型的價格，以應對特斯拉和吉利的競爭。",
    "出口量同比增長近三分之一，新開通的前往歐洲和拉丁美洲的航線起到了推動作用。",
    "理想汽車表示，第一季度交付量低於公司此前的預期。",
    "政府數據顯示，插電式混合動力汽車在新能源汽車銷量中的佔比不斷上升。",
    "多個地方政府延長了以舊換新補貼政策，鼓勵消費者報廢老舊燃油車。",
    "小米表示，其SU7轎車的訂單量已超過北京工廠今年的產能。",
    "行業協會警告稱，價格戰正在擠壓零組件供應商的利潤空間。",
    "東北地區的經銷商表示，月底最後兩週的客流量明顯回升。",
]
JA = [
    "中国の自動車大手BYDは、三月の新エネルギー車の販売台数が三十万台を超えたと発表した。",
    "アナリストは旧正月の休暇の後に販売が落ち込むと予想していた。",
    "同社は今年、テスラや吉利との競争に対応するため、複数の車種で値下げを行った。",
    "輸出は前年同期比で約三割増え、欧州や中南米への新しい航路が追い風となった。",
    "ハンガリーの新工場は来年に生産を始める予定だという。",
    "部品メーカーからは、価格競争で利益がほとんど残らないとの声が上がっている。",
    "複数の地方政府が、古いガソリン車の買い替えを支援する補助金を延長した。",
    "シャオミは、セダン「SU7」の受注が北京工場の今年の生産能力を上回ったと明らかにした。",
    "商務省の報道官は、欧州委員会との交渉についてコメントを控えた。",
    "トヨタやホンダなど日本勢は、中国市場での販売減少に苦しんでいる。",
]

def _article(rng: random.Random, plain: list[str], marked: list[str], n_marked: int, size: int) -> str:
    """A headline, a byline and paragraphs of three or four sentences: `size` sentences from `plain`, `n_marked`
    of them from `marked` (placed at random)."""
    chosen = rng.sample(plain, min(size, len(plain)))
    while len(chosen) < size:
        chosen.append(rng.choice(plain))
    for sentence in rng.sample(marked, n_marked):
        chosen.insert(rng.randrange(1, len(chosen) + 1), sentence)
    title, body = chosen[0], chosen[1:]
    paragraphs, at = [], 0
    while at < len(body):
        step = rng.choice((3, 4))
        paragraphs.append(" ".join(body[at:at + step]))
        at += step
    return title + "\n\nBy Staff Reporter\n\n" + "\n\n".join(paragraphs) + "\n"


# (language, sentences, sentences with marks, encodings, [(number of marked sentences, sentences), ...])
KINDS: list[tuple[str, list[str], list[str], tuple[str, ...], list[tuple[int, int]]]] = [
    ("en", EN, EN_MARKED, ("cp1252",), [(1, 12), (1, 16), (2, 14), (2, 20), (3, 16), (1, 24), (4, 18), (2, 10)]),
    ("fr", FR, FR_MARKED, ("cp1252",), [(1, 10), (2, 12), (0, 14)]),
    ("fr", FR, [], ("latin-1",), [(0, 10), (0, 14)]),
    ("de", DE, DE_MARKED, ("cp1252",), [(1, 10), (2, 12), (0, 14)]),
    ("de", DE, [], ("latin-1",), [(0, 12)]),
    ("es", ES, [], ("cp1252", "latin-1"), [(0, 10)]),
    ("pl", PL, [], ("cp1250", "iso8859-2"), [(0, 10), (0, 14)]),
    ("cs", CS, [], ("cp1250", "iso8859-2"), [(0, 10)]),
    ("hu", HU, [], ("cp1250",), [(0, 9)]),
    ("ru", RU, [], ("cp1251", "koi8-r"), [(0, 10)]),
    ("uk", UK, [], ("cp1251",), [(0, 8)]),
    ("bg", BG, [], ("cp1251",), [(0, 7)]),
    ("zh", ZH, [], ("gbk", "gb18030"), [(0, 10), (0, 20)]),
    ("zh-hant", ZHT, [], ("big5",), [(0, 10), (0, 16)]),
    ("ja", JA, [], ("shift_jis",), [(0, 10), (0, 16)]),
]


def samples() -> Iterator[tuple[str, str, str]]:
    """Every sample as (name, encoding, text), in a fixed order (the random choices are seeded by the name)."""
    for language, plain, marked, encodings, shapes in KINDS:
        for encoding in encodings:
            for number, (n_marked, size) in enumerate(shapes, start=1):
                name = f"{language}-{encoding}-{number}"
                rng = random.Random(name)
                yield name, encoding, _article(rng, plain, marked, n_marked, size)


# Names from other languages that an English article may carry.
FOREIGN_NAMES = ["Müller", "Citroën", "Škoda", "Göteborg", "São Paulo", "Zürich", "Peña", "Renée", "Håkan Samuelsson",
                 "Besançon", "Jürgen", "François", "Bjørn", "Søren", "Ålesund", "Málaga", "Çelik", "Ignacio Martín",
                 "José", "Nürburgring", "Žilina"]
ONE_MARK = ["BYD\u2019s plant opens next year.", "Prices start at \u20ac25,000.", "Li Auto\u2019s sales rose.",
            "The model \u2013 a compact SUV \u2013 sells well.", "It said \u201cno\u201d to the offer.",
            "Sales fell\u2026 then rose."]


def more_samples() -> Iterator[tuple[str, str, str]]:
    """Further samples as (group, encoding, text), for measuring: 40 random articles of each language and code
    page, 300 English articles with foreign names, 240 English articles with a single marked sentence, and 400
    short mixtures of English, French and German sentences (which no letter statistics can always tell apart)."""
    kinds = [("en", EN, EN_MARKED, "cp1252"), ("fr", FR, FR_MARKED, "cp1252"), ("fr", FR, [], "latin-1"),
             ("de", DE, DE_MARKED, "cp1252"), ("de", DE, [], "latin-1"), ("es", ES, [], "cp1252"),
             ("pl", PL, [], "cp1250"), ("pl", PL, [], "iso8859-2"), ("cs", CS, [], "cp1250"),
             ("cs", CS, [], "iso8859-2"), ("hu", HU, [], "cp1250"), ("ru", RU, [], "cp1251"), ("ru", RU, [], "koi8-r"),
             ("uk", UK, [], "cp1251"), ("bg", BG, [], "cp1251"), ("zh", ZH, [], "gbk"), ("zh-hant", ZHT, [], "big5"),
             ("ja", JA, [], "shift_jis")]
    for language, plain, marked, encoding in kinds:
        for i in range(40):
            rng = random.Random(f"{language}{encoding}{i}")
            text = _article(rng, plain, marked, min(len(marked), rng.choice((0, 1, 2))), rng.choice((6, 8, 10, 14)))
            yield f"articles {language}-{encoding}", encoding, text
    for i in range(300):
        rng = random.Random(i)
        words = _article(rng, EN, EN_MARKED, rng.choice((0, 1, 2)), rng.choice((6, 10, 14))).split(" ")
        for name in rng.sample(FOREIGN_NAMES, rng.choice((1, 2, 3, 4))):
            words.insert(rng.randrange(5, len(words)), name)
        yield "English with foreign names", "cp1252", " ".join(words)
    for sentence in ONE_MARK:
        for i in range(40):
            rng = random.Random(f"{sentence}{i}")
            yield "English, one marked sentence", "cp1252", _article(rng, EN, [sentence], 1,
                                                                      rng.choice((4, 6, 8, 12, 16)))
    for i in range(400):
        rng = random.Random(i)
        mixed = rng.sample(EN + FR + DE, rng.choice((1, 2, 3, 5))) + [rng.choice(EN_MARKED)]
        yield "short English/French/German mixtures", "cp1252", " ".join(mixed)


def main() -> None:
    """Print, for each group of samples, how many the project's decoder gets right, and how many of its guesses it
    doubts (when it can say): the committed samples by language and code page, then the further ones."""
    from collections import Counter

    from generator import decode

    right: Counter[str] = Counter()
    doubts: Counter[str] = Counter()
    total: Counter[str] = Counter()
    read = getattr(decode, "read_bytes", None)  # absent before issue 14
    every = [(name.rsplit("-", 1)[0], encoding, text) for name, encoding, text in samples()]
    for kind, encoding, text in [*every, *more_samples()]:
        total[kind] += 1
        try:
            got, doubt = ((g := read(kind, text.encode(encoding))).text, g.doubt) if read else (
                decode.read_bytes(kind, text.encode(encoding)).text, None)
        except Exception as exc:  # noqa: BLE001 - a measurement: every outcome is counted
            got, doubt = repr(exc), None
        right[kind] += got == text
        doubts[kind] += doubt is not None
    print("| samples | right | doubted |")
    print("| --- | --- | --- |")
    for kind in total:
        print(f"| {kind} | {right[kind]}/{total[kind]} | {doubts[kind]} |")


if __name__ == "__main__":
    main()
