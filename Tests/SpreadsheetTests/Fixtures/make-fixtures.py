#!/usr/bin/env python3
"""Writes the XLSX fixtures of SpreadsheetTests into this folder (run it from anywhere;
`pip install openpyxl` first). The files are committed: the tests need no Python.

- openpyxl-centres.xlsx  a table of centres as openpyxl 3.1 writes it (inline strings,
                         Vietnamese ids), with a second sheet of notes that must not be read
- openpyxl-types.xlsx    cell types as openpyxl writes them: rich text, entities, booleans,
                         decimals, whole floats, a formula without a cached value, skipped
                         cells and a skipped row
- excel-style.xlsx       parts written by hand the way Excel writes them: shared strings
                         (rich-text runs, a phonetic run, xml:space), namespace prefixes,
                         formulas with cached values, numeric character references, cells
                         and rows without references, and a workbook whose first sheet is
                         the part sheet2.xml (workbook order, not part names)
- no-workbook.zip        a ZIP archive that is not a workbook
- malformed-sheet.xlsx   a workbook whose sheet has a mismatched end tag on line 3
- doctype.xlsx           a workbook whose shared strings declare an entity (a DOCTYPE)
- zeros.xlsx             a sheet part of 1 MiB that deflates to a few KiB (for the limit)
"""
import os
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

here = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(here, name)


# --- openpyxl ---------------------------------------------------------------------------

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Trung tâm"
ws.append(["id", "daily_volume", "counter_staff", "back_office_staff"])
ws.append(["hà-đông", 300, 8, 20])
ws.append(["xuân-phương", 40.5, 2, 4])
ws.append(["thượng-cát", 25, 2, 3])
notes = wb.create_sheet("Ghi chú")
notes.append(["not", "this", "sheet"])
wb.save(path("openpyxl-centres.xlsx"))

wb = openpyxl.Workbook()
ws = wb.active
ws["A1"] = CellRichText(["Phường ", TextBlock(InlineFont(b=True), "Hà Đông")])
ws["C1"] = "a & b < c > d \" ' "  # B1 skipped
ws["A2"] = True
ws["B2"] = False
ws["C2"] = 12.5
ws["D2"] = 3.0
ws["E2"] = -7
ws["F2"] = "=1+2"  # openpyxl writes no cached value
ws["B4"] = "after a skipped row"  # row 3 skipped
wb.save(path("openpyxl-types.xlsx"))

# --- By hand, as Excel writes the parts ----------------------------------------------------

content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"""
root_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
workbook = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="Bảng" sheetId="2" r:id="rId2"/><sheet name="Khác" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>"""
workbook_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""
shared_strings = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6"><si><t>id</t></si><si><t>daily_volume</t></si><si><r><t xml:space="preserve">Thành phố </t></r><r><rPr><b/><sz val="11"/></rPr><t>Huế</t></r></si><si><t>Tom &amp; Jerry &lt;3 &gt; &quot;q&quot; &apos;a&apos;</t></si><si><t>&#7853;&#x1EA1;</t><rPh sb="0" eb="1"><t>phonetic, not read</t></rPh></si><si><t xml:space="preserve">  kept  </t></si></sst>"""
sheet2 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:dimension ref="A1:E6"/><!-- a comment --><x:sheetData>\r
<x:row r="1" spans="1:5"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1" t="s"><x:v>1</x:v></x:c><x:c r="E1" t="s"><x:v>2</x:v></x:c></x:row>\r
<x:row r="2"><x:c r="A2" t="s"><x:v>3</x:v></x:c><x:c r="B2" t="s"><x:v>4</x:v></x:c><x:c r="C2" t="s"><x:v>5</x:v></x:c></x:row>\r
<x:row r="4"><x:c r="A4"><x:v>3.0</x:v></x:c><x:c r="B4"><x:v>1E3</x:v></x:c><x:c r="C4"><x:v>0.10000000000000001</x:v></x:c><x:c r="D4"><x:f>SUM(A4:B4)</x:f><x:v>1003</x:v></x:c><x:c r="E4" t="str"><x:f>A1&amp;"!"</x:f><x:v>id!</x:v></x:c></x:row>\r
<x:row><x:c><x:v>1</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="E5" t="inlineStr"><x:is><x:t>inline &#x110;</x:t></x:is></x:c></x:row>\r
<x:row r="6"><x:c r="A6" s="2"/><x:c r="B6" t="s"><x:v>0</x:v></x:c><x:c r="Z6" s="3"/></x:row>\r
</x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>"""
sheet1 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>the second sheet in workbook order</t></is></c></row></sheetData></worksheet>"""


def write(name, parts):
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts:
            info = zipfile.ZipInfo(part, date_time=(2025, 7, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)


common = [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
          ("xl/_rels/workbook.xml.rels", workbook_rels)]
write("excel-style.xlsx", common + [("xl/sharedStrings.xml", shared_strings), ("xl/worksheets/sheet2.xml", sheet2),
                                    ("xl/worksheets/sheet1.xml", sheet1)])
write("no-workbook.zip", [("notes.txt", "hello"), ("data/table.csv", "id,daily_volume\n")])

simple_book = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
simple_rels = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""
simple = [("xl/workbook.xml", simple_book), ("xl/_rels/workbook.xml.rels", simple_rels)]
write("malformed-sheet.xlsx", simple + [("xl/worksheets/sheet1.xml", """<?xml version="1.0"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1"><v>1</v></row>
</sheetData></worksheet>""")])
write("doctype.xlsx", simple + [("xl/sharedStrings.xml", """<?xml version="1.0"?>
<!DOCTYPE sst [<!ENTITY lol "lol">]>
<sst><si><t>&lol;</t></si></sst>"""), ("xl/worksheets/sheet1.xml", """<?xml version="1.0"?>
<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>""")])
write("zeros.xlsx", simple + [("xl/worksheets/sheet1.xml", """<?xml version="1.0"?>
<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>""" + "0" * (1 << 20) + """</t></is></c></row></sheetData></worksheet>""")])
