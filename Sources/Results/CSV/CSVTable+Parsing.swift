/// Reading CSV text back into a table.
extension CSVTable {
    /// Parses RFC 4180 CSV: the first record is the header; quoted fields may hold commas,
    /// doubled quotes and line breaks; `\n` and `\r\n` both end a record. A trailing line
    /// break does not add an empty record; blank lines are skipped.
    ///
    /// Throws `CSVError` for an unterminated quoted field or a quote inside an unquoted field.
    package init(parsing text: String) throws {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        var line = 1
        var quoteStart = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            record.append(field)
            if !(record.count == 1 && record[0].isEmpty && !fieldStarted) { records.append(record) }
            record = []
            field = ""
            fieldStarted = false
        }

        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",":
                record.append(field)
                field = ""
                fieldStarted = true
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord()
                line += 1
            case "\n":
                endRecord()
                line += 1
            case "\"":
                guard field.isEmpty else { throw CSVError.strayQuote(line: line) }
                quoted = true
                quoteStart = line
                fieldStarted = true
            default:
                field.unicodeScalars.append(c)
                fieldStarted = true
            }
        }
        if quoted { throw CSVError.unterminatedQuote(line: quoteStart) }
        if fieldStarted || !field.isEmpty || !record.isEmpty { endRecord() }
        guard let header = records.first else {
            self.init(header: [])
            return
        }
        self.init(header: header, rows: Array(records.dropFirst()))
    }

    /// The position of the column named `name`, if any.
    package func columnIndex(_ name: String) -> Int? {
        header.firstIndex(of: name)
    }
}
