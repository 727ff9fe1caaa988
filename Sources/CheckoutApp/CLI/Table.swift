import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// A list for people and scripts: aligned columns on a terminal (cut to its width), tab-separated otherwise.
struct Table {
    /// Column titles.
    let headers: [String]
    /// Cells, one array per row.
    let rows: [[String]]

    /// The table as text for `output`.
    func render(for output: TextOutput, style: Style) -> String {
        let lines = ([headers] + rows).map { $0.map(Table.tabSafe) }
        guard output.isTerminal else {
            return lines.map { $0.joined(separator: "\t") + "\n" }.joined()
        }
        return Table.aligned(lines, width: output.terminalWidth, style: style)
    }

    private static func aligned(_ table: [[String]], width: Int?, style: Style) -> String {
        let widths = table[0].indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        let lines = table.map { cells in
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }
        return lines.enumerated().map { index, line in
            let fitted = truncate(line, to: width)
            return (index == 0 ? style.bold(fitted) : fitted) + "\n"
        }.joined()
    }

    private static func truncate(_ line: String, to width: Int?) -> String {
        guard let width, width > 1, line.count > width else { return line }
        return String(line.prefix(width - 1)) + "…"
    }

    // A tab or line break inside a cell would break the columns for `cut` and `awk`, and the alignment on a
    // terminal. `isNewline` also covers "\r\n", which Swift holds as one Character.
    private static func tabSafe(_ cell: String) -> String {
        String(cell.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}

/// `key: value` lines for `show` commands.
enum KeyValueText {
    /// The lines, in the order given.
    static func render(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0): \($0.1)\n" }.joined()
    }
}
