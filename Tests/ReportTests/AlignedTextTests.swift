import Testing
@testable import Report

struct AlignedTextTests {
    /// Widths 13, 2 and 5 (the longest field of each column), two spaces between columns;
    /// columns 1 and 2 padded on the left.
    @Test func columnsPadToTheLongestFieldTwoSpacesApart() {
        let text = AlignedText.table(
            [["cell", "n", "mean"], ["baseline=none", "2", "0.900"], ["b", "10", "12.5"]], rightAligned: [1, 2])
        #expect(text == """
            cell            n   mean
            baseline=none   2  0.900
            b              10   12.5

            """)
    }

    /// A left-aligned last column leaves no trailing spaces; widths count characters, not bytes.
    @Test func trailingPaddingIsTrimmedAndWidthsCountCharacters() {
        #expect(AlignedText.table([["a", "bb"], ["ccc", "d"], ["π", "x"]]) == "a    bb\nccc  d\nπ    x\n")
        #expect(AlignedText.table([]) == "")
    }
}
