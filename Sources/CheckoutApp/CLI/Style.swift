import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// ANSI colour, only when enabled (a terminal, and no NO_COLOR, TERM=dumb or --no-color).
struct Style {
    /// Whether escapes are emitted.
    let enabled: Bool

    /// Red, for errors.
    func red(_ text: String) -> String { paint(text, "31") }
    /// Yellow, for warnings.
    func yellow(_ text: String) -> String { paint(text, "33") }
    /// Green, for success.
    func green(_ text: String) -> String { paint(text, "32") }
    /// Bold, for headings.
    func bold(_ text: String) -> String { paint(text, "1") }

    private func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
