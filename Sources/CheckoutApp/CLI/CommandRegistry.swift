import CheckoutDomain
import CheckoutFormats
import CheckoutStore

/// Every command and group, and the tree they form.
struct CommandRegistry: Sendable {
    /// Runnable leaf commands.
    let commands: [CommandSpec]
    /// Words that group subcommands.
    let groups: [CommandGroup]

    /// Checks the tables in debug builds (programmer errors, not input errors; release start-up skips it,
    /// and CommandTableTests walks the same rules).
    init(commands: [CommandSpec], groups: [CommandGroup]) {
        self.commands = commands
        self.groups = groups
        assert(commands.allSatisfy(CommandRegistry.isWellFormed), "a command table is malformed")
    }

    private static func isWellFormed(_ command: CommandSpec) -> Bool {
        let names = (command.options + GlobalOptions.specs).map(\.name)
        return Set(names).count == names.count && !command.examples.isEmpty
    }

    /// The leaf command named exactly by `path`.
    func command(at path: [String]) -> CommandSpec? {
        commands.first { $0.path == path }
    }

    /// The words that may follow `path`, sorted.
    func children(of path: [String]) -> [String] {
        let next = commands.filter { $0.path.count > path.count && Array($0.path.prefix(path.count)) == path }
            .map { $0.path[path.count] }
        return Array(Set(next)).sorted()
    }

    /// Leaf commands directly or indirectly under `path`.
    func commands(under path: [String]) -> [CommandSpec] {
        commands.filter { $0.path.count > path.count && Array($0.path.prefix(path.count)) == path }
    }

    /// The one-line summary for the node at `path` (a group or a command).
    func summary(of path: [String]) -> String {
        if let command = command(at: path) { return command.summary }
        if path.count == 1, let group = groups.first(where: { $0.name == path[0] }) { return group.summary }
        return ""
    }
}
