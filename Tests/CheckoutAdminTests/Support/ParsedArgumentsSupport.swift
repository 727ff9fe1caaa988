@testable import CheckoutApp

/// Parser tests look at what was bound under each name, as the parser stores it; commands never read by name.
extension ParsedArguments {
    func value(_ name: String) -> String? { values[name]?.last }
    func allValues(_ name: String) -> [String] { values[name] ?? [] }
    func flag(_ name: String) -> Bool { flags[name] ?? false }
    func hasFlag(_ name: String) -> Bool { flags[name] != nil }
    func argument(_ name: String) -> String { positionals[name]?.first ?? "" }
    func optionalArgument(_ name: String) -> String? { positionals[name]?.first }
    func arguments(_ name: String) -> [String] { positionals[name] ?? [] }
}
