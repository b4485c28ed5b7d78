#!/usr/bin/env python3
"""Makes the .xlsx fixtures of SnapshotImportTests with real spreadsheet software.

Writes each workbook as a flat OpenDocument spreadsheet (.fods: merged cells, several sheets,
dates, booleans, formulas) and has LibreOffice convert it headless to .xlsx, so the committed
files are what LibreOffice's Excel export writes (shared strings, styles, cached formula values).
Not part of the product or CI: run by hand after `apt-get install libreoffice-calc-nogui`:

    python3 Tests/SnapshotImportTests/Fixtures/make_fixtures.py
"""
import json, os, random, shutil, subprocess, sys, tempfile, unicodedata
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="N37"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <style:style style:name="ce1" style:family="table-cell" style:data-style-name="N37"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""
TAIL = "</office:spreadsheet></office:body></office:document>\n"


QUOTE = {'"': "&quot;"}


def cell(v, span=1, rows=1):
    """One cell: str, int/float, bool, ('date', 'YYYY-MM-DD'), ('formula', '=SUM(C9:C20)'), None."""
    a = ""
    if span > 1: a += f' table:number-columns-spanned="{span}"'
    if rows > 1: a += f' table:number-rows-spanned="{rows}"'
    if v is None:
        out = f"<table:table-cell{a}/>"
    elif isinstance(v, bool):
        out = f'<table:table-cell{a} office:value-type="boolean" office:boolean-value="{str(v).lower()}"><text:p>{"TRUE" if v else "FALSE"}</text:p></table:table-cell>'
    elif isinstance(v, (int, float)):
        out = f'<table:table-cell{a} office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    elif isinstance(v, tuple) and v[0] == "date":
        out = f'<table:table-cell{a} table:style-name="ce1" office:value-type="date" office:date-value="{v[1]}"><text:p>{v[1]}</text:p></table:table-cell>'
    elif isinstance(v, tuple) and v[0] == "formula":
        out = f'<table:table-cell{a} table:formula="of:{escape(v[1], QUOTE)}" office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell>'
    else:
        paras = "".join(f"<text:p>{escape(p)}</text:p>" for p in str(v).split("\n"))
        out = f'<table:table-cell{a} office:value-type="string">{paras}</table:table-cell>'
    if span > 1:
        out += "<table:covered-table-cell/>" * (span - 1)
    return out


def table(name, rows):
    """rows: lists of cells; a cell is a value or (value, span[, rows]); 'covered' for a cell under a vertical merge."""
    x = [f'<table:table table:name="{escape(name)}">']
    for r in rows:
        x.append("<table:table-row>")
        for c in r:
            if c == "covered":
                x.append("<table:covered-table-cell/>")
            elif isinstance(c, tuple) and isinstance(c[1], int):
                x.append(cell(c[0], c[1], c[2] if len(c) > 2 else 1))
            else:
                x.append(cell(c))
        x.append("</table:table-row>")
    x.append("</table:table>")
    return "\n".join(x)


def convert(name, tables):
    tmp = tempfile.mkdtemp(prefix="cdsboard-fixtures-")
    src = os.path.join(tmp, name + ".fods")
    with open(src, "w", encoding="utf-8") as f:
        f.write(HEAD + "\n".join(tables) + TAIL)
    subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, src],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.copy(os.path.join(tmp, name + ".xlsx"), os.path.join(HERE, name + ".xlsx"))
    shutil.rmtree(tmp)
    print("wrote", name + ".xlsx")


OLD_TONES = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
             "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}


def old_tone(s):
    for new, old in OLD_TONES.items():
        s = s.replace(new, old).replace(new.capitalize(), old.capitalize())
    return s


def spelling(name, k):
    """The k-th way an office writes a unit's name (the importer must read them all)."""
    prefix = "Phường" if name.startswith("Phường ") else "Xã"
    base = name[len(prefix) + 1:]
    old = old_tone(name)
    if old != name and k % 2 == 0:
        return old                                               # Hoà / Thuỷ
    v = k % 7
    if v == 0: return name                                       # as in the catalogue
    if v == 1: return base                                       # without "Xã"/"Phường"
    if v == 2: return name.upper()                               # XÃ NGỌC ĐƯỜNG
    if v == 3: return unicodedata.normalize("NFD", name)         # decomposed
    if v == 4: return ("UBND " + prefix.lower() + " " + base)     # UBND xã …
    if v == 5: return "  " + prefix + "  " + base.replace(" ", "  ") + " "  # spaces
    return prefix.lower() + " " + base.lower()                   # xã ngọc đường


COLS = ["STT", "Đơn vị", "Tổng số", "Tồn trước", "Tổng số", "Một cửa", "Trực tuyến", "Tổng số", "Trước hạn",
        "Đúng hạn", "Quá hạn", "Từ chối giải quyết", "Đã trả", "Chưa trả", "Tổng số", "Còn hạn", "Quá hạn",
        "Tạm dừng bổ sung điều kiện", "Rút không giải quyết", "Tỉ lệ sớm và đúng hạn (%)"]


def one_stop_figures(rng):
    carried = rng.randint(0, 40)
    online = rng.randint(20, 400)
    direct = rng.randint(5, 120)
    received = online + direct
    total = carried + received
    returned = rng.randint(0, 3)
    withdrawn = rng.randint(0, 2)
    pending = rng.randint(0, max(0, min(60, total - returned - withdrawn)))
    resolved = total - returned - withdrawn - pending
    after = rng.randint(0, min(5, resolved))
    before = rng.randint(0, resolved - after)
    on = resolved - after - before
    overdue = rng.randint(0, min(4, pending))
    within = pending - overdue
    supplement = rng.randint(0, min(3, pending))
    paid = rng.randint(0, resolved)
    return [total, carried, received, direct, online, resolved, before, on, after, returned, paid, resolved - paid,
            pending, within, overdue, supplement, withdrawn]


def one_stop(units):
    rng = random.Random(2611)
    title = [("BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH", 20)]
    period = [("Từ ngày 01/11/2026 đến ngày 30/11/2026", 20)]
    h1 = [("STT", 1, 2), ("Đơn vị", 1, 2), ("Nhận giải quyết", 2), ("Nhận trong kỳ", 3), ("Kết quả giải quyết", 4),
          ("Từ chối giải quyết", 1, 2), ("Trả kết quả", 2), ("Đang giải quyết", 3),
          ("Tạm dừng bổ sung\nđiều kiện", 1, 2), ("Rút không\ngiải quyết", 1, 2), ("Tỉ lệ sớm và đúng hạn (%)", 1, 2)]
    h2 = ["covered", "covered", "Tổng số", "Tồn trước", "Tổng số", "Một cửa", "Trực tuyến", "Tổng số", "Trước hạn",
          "Đúng hạn", "Quá hạn", "covered", "Đã trả", "Chưa trả", "Tổng số", "Còn hạn", "Quá hạn",
          "covered", "covered", "covered"]
    numbers = [f"({i})" for i in range(1, 21)]
    rows = [["ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"], title, period, [None], h1, h2, numbers]
    rows.append(["I", ("CẤP TỈNH (SỞ, BAN, NGÀNH)", 19)])
    first = len(rows) + 1
    for i, agency in enumerate(["Sở Tư pháp", "Sở Xây dựng", "Công an tỉnh"]):
        f = one_stop_figures(rng)
        r = i + len(rows) + 1
        rows.append([i + 1, agency] + f + [("formula", f"IF([.H{r}]=0;0;ROUND(([.I{r}]+[.J{r}])*100/[.H{r}];2))")])
    rows.append(["II", ("CẤP XÃ", 19)])
    for i, u in enumerate(units):
        f = one_stop_figures(rng)
        r = len(rows) + 1
        rows.append([i + 1, spelling(u["name"], i)] + f + [("formula", f"IF([.H{r}]=0;0;ROUND(([.I{r}]+[.J{r}])*100/[.H{r}];2))")])
    last = len(rows)
    total = [None, "Tổng cộng"] + [("formula", f"SUM([.{chr(67 + c)}{first}:.{chr(67 + c)}{last}])") for c in range(17)] + [None]
    rows.append(total)
    notes = [["Ghi chú"], ["Ngày lập", ("date", "2026-12-02")], ["Đã kiểm tra", True], ["Số đơn vị", len(units)]]
    convert("thong-ke-mot-cua-2026-11", [table("Thống kê", rows), table("Ghi chú", notes)])


def form06(units):
    """Biểu số 06/VPCP/KSTT by unit for a quarter, three header rows, codes in a column."""
    rng = random.Random(606)
    rows = [["Biểu số 06/VPCP/KSTT"], [("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", 13)], [("Quý IV/2026", 13)], [None]]
    rows.append([("STT", 1, 3), ("Đơn vị", 1, 3), ("Mã đơn vị", 1, 3), ("Số hồ sơ nhận giải quyết", 4), ("Số hồ sơ đã giải quyết", 4),
                 ("Số hồ sơ đang giải quyết", 3)])
    rows.append(["covered", "covered", "covered", ("Tổng số", 1, 2), ("Trong kỳ", 2), ("Từ kỳ trước", 1, 2), ("Tổng số", 1, 2),
                 ("Trước hạn", 1, 2), ("Đúng hạn", 1, 2), ("Quá hạn", 1, 2), ("Tổng số", 1, 2), ("Trong hạn", 1, 2), ("Quá hạn", 1, 2)])
    rows.append(["covered", "covered", "covered", "covered", "Trực tuyến", "Trực tiếp, bưu chính"] + ["covered"] * 8)
    rows.append([f"({i})" for i in range(1, 15)])
    first = len(rows) + 1
    for i, u in enumerate(units[:12]):
        f = one_stop_figures(rng)
        total, carried, received, direct, online, resolved, before, on, after = f[:9]
        pending, within, overdue = f[12:15]
        rows.append([i + 1, u["name"], u["code"], total, online, direct, carried, resolved, before, on, after, pending, within, overdue])
    last = len(rows)
    rows.append([None, "Tổng cộng", None] + [("formula", f"SUM([.{chr(68 + c)}{first}:.{chr(68 + c)}{last}])") for c in range(11)])
    convert("bieu-06-quy-4-2026", [table("Biểu 06", rows)])


def district_spelling(name, k):
    """A former district as departments write it."""
    prefix, _, base = name.partition(" ") if name.startswith("Huyện ") else ("Thành phố", None, name[len("Thành phố "):])
    forms = [name, base, "Khu vực " + base + " (cũ)", name.upper(), unicodedata.normalize("NFD", name),
             ("TP. " + base) if prefix == "Thành phố" else ("huyện " + base), old_tone(name)]
    return forms[k % len(forms)]


def tourism(districts):
    """Visitors by former district for October 2026, typed by the tourism department."""
    rng = random.Random(1026)
    rows = [[("SỐ LIỆU KHÁCH DU LỊCH THÁNG 10/2026", 5)], [None],
            [("STT", 1, 2), ("Địa bàn", 1, 2), ("Lượt khách", 2), ("Doanh thu (triệu đồng)", 1, 2)],
            ["covered", "covered", "Nội địa", "Quốc tế", "covered"]]
    first = len(rows) + 1
    for i, d in enumerate(districts):
        domestic, international, revenue = rng.randint(20000, 90000), rng.randint(500, 9000), rng.randint(30000, 200000)
        # One figure typed as text in Vietnamese style, as happens when a cell is formatted as text.
        dom = f"{domestic:,}".replace(",", ".") if i == 3 else domestic
        rows.append([i + 1, district_spelling(d["name"], i), dom, international, revenue])
    last = len(rows)
    rows.append([None, "Toàn tỉnh"] + [("formula", f"SUMPRODUCT(VALUE(SUBSTITUTE([.{c}{first}:.{c}{last}];\".\";\"\")))") for c in "CDE"])
    convert("du-lich-thang-10-2026", [table("Du lịch", rows)])


def wall_screen(units):
    """The wall screen's table for one month, communes only, no numbers row."""
    rng = random.Random(1126)
    rows = [[("TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THÁNG 11/2026", 13)], [None],
            [("STT", 1, 2), ("Đơn vị", 1, 2), ("Tiếp nhận", 3), ("Đã xử lý", 4), ("Đang xử lý", 2), ("Bổ sung", 1, 2), ("Trả lại/Rút", 1, 2)],
            ["covered", "covered", "Tổng số", "Kỳ trước", "Trong kỳ", "Trước hạn", "Đúng hạn", "Quá hạn", "Tỷ lệ", "Trong hạn", "Quá hạn", "covered", "covered"]]
    for i, u in enumerate(units[:20]):
        total, carried, received, direct, online, resolved, before, on, after, returned, paid, unpaid, pending, within, overdue, supplement, withdrawn = one_stop_figures(rng)
        share = round((before + on) * 100 / resolved, 1) if resolved else 0
        rows.append([i + 1, spelling(u["name"], i + 3), total, carried, received, before, on, after, share, within, overdue, supplement, returned + withdrawn])
    convert("man-hinh-thang-11-2026", [table("Màn hình", rows)])


def index766(units):
    """The 766 portal's table copied into a sheet: the province (rank 5/34), then communes ranked among themselves."""
    rng = random.Random(766)
    maxima = [18, 20, 12, 10, 22, 18]
    heads = ["Công khai, minh bạch", "Tiến độ giải quyết", "Dịch vụ trực tuyến", "Thanh toán trực tuyến", "Số hóa hồ sơ", "Mức độ hài lòng"]
    rows = [[("KẾT QUẢ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG 11/2026", 10)], [None],
            ["STT", "Đơn vị"] + heads + ["Tổng điểm", "Xếp hạng"]]
    def scores():
        return [round(m * rng.uniform(0.55, 1.0), 2) for m in maxima]
    p = scores()
    rows.append([None, "Tỉnh Tuyên Quang"] + p + [round(sum(p), 2), "5/34"])
    communes = []
    for u in units[:30]:
        sc = scores()
        communes.append((u, sc, round(sum(sc), 2)))
    order = sorted(range(len(communes)), key=lambda k: -communes[k][2])
    rank = {k: i + 1 for i, k in enumerate(order)}
    for i, (u, sc, total) in enumerate(communes):
        # Some scores typed as text with a decimal comma, as when pasted from the portal.
        cells_ = [f"{v:.2f}".replace(".", ",") if (i + j) % 5 == 0 else v for j, v in enumerate(sc)]
        rows.append([i + 1, spelling(u["name"], i)] + cells_ + [total, rank[i]])
    rows.append([None, "Sở Tư pháp"] + scores() + [80.5, 3])
    convert("chi-so-766-thang-11-2026", [table("Chỉ số 766", rows)])


def cells():
    """A small workbook of every kind of cell the reader must tell apart."""
    rows = [
        ["Văn bản", "Số", "Ngày", "Đúng/sai", "Công thức"],
        ["Thuỷ", 1234.5, ("date", "2026-11-30"), True, ("formula", "[.B2]*2")],
        [unicodedata.normalize("NFD", "Hoá"), -7, ("date", "2024-02-29"), False, ("formula", "CONCATENATE([.A2];\"!\")")],
        [("Gộp ba ô", 3), None, None],
        ["87,3%", "1.234", None, None, None],
    ]
    convert("cells", [table("Ô", rows), table("Trang 2", [["hai"], [2]])])


def main():
    if not shutil.which("soffice"):
        sys.exit("soffice not found: apt-get install -y --no-install-recommends libreoffice-calc-nogui")
    units = json.load(open(os.path.join(ROOT, "SampleData", "tuyen-quang", "units.json"), encoding="utf-8"))["province"]["communes"]
    cells()
    one_stop(units)
    form06(units)
    wall_screen(units)
    index766(units)
    before = json.load(open(os.path.join(ROOT, "SampleData", "tuyen-quang", "units_before.json"), encoding="utf-8"))["provinces"]
    tourism([d for p in before for d in p["districts"]])


if __name__ == "__main__":
    main()
