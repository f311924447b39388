import Foundation
import Testing
@testable import Results

struct CSVParsingTests {
    @Test func roundTripsEveryKindOfField() throws {
        let rows = [
            ["plain", "a,b", "say \"hi\"", "line\nbreak", "cr\r\nlf", ""],
            ["", "", "", "", "", "x"],
            ["`touch x`", "'", "\\", "=1+2", "ünïcödé", "\"\""],
        ]
        let table = CSVTable(header: ["a", "b", "c", "d", "e", "f"], rows: rows)
        let parsed = try CSVTable(parsing: table.text)
        #expect(parsed.header == table.header && parsed.rows == rows)
    }

    @Test func acceptsCRLFAndNoTrailingNewline() throws {
        let parsed = try CSVTable(parsing: "x,y\r\n1,2\r\n\"3\",4")
        #expect(parsed.header == ["x", "y"] && parsed.rows == [["1", "2"], ["3", "4"]])
        #expect(parsed.columnIndex("y") == 1 && parsed.columnIndex("z") == nil)
        #expect(try CSVTable(parsing: "").header.isEmpty)
        #expect(try CSVTable(parsing: "h\n").rows.isEmpty)
    }

    @Test func rejectsMalformedQuotes() {
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try CSVTable(parsing: "a\n\"open,1\n") }
        #expect(throws: CSVError.strayQuote(line: 2)) { try CSVTable(parsing: "a\nab\"c\n") }
    }
}
