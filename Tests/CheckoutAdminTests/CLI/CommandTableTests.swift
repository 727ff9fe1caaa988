import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// Walks every command table (after git's t0040): summaries, examples, help and option names hold for
/// every command, present and future.
final class CommandTableTests: XCTestCase {
    private let registry = Commands.registry
    private var renderer: HelpRenderer { HelpRenderer(registry: registry) }

    // MARK: - Summaries and examples

    func testEveryCommandHasAOneLineSummary() {
        for command in registry.commands {
            XCTAssertFalse(
                command.summary.trimmingCharacters(in: .whitespaces).isEmpty, "'\(command.name)' has no summary")
            XCTAssertFalse(command.summary.contains("\n"), "'\(command.name)' summary is more than one line")
        }
    }

    func testEveryCommandHasAnExample() {
        for command in registry.commands {
            XCTAssertFalse(command.examples.isEmpty, "'\(command.name)' has no example")
        }
    }

    func testEveryExampleHasAnExplanation() {
        for command in registry.commands {
            for example in command.examples {
                XCTAssertFalse(example.explanation.isEmpty, "'\(example.command)' has no explanation")
            }
        }
    }

    func testNoTwoCommandsShareAPath() {
        let names = registry.commands.map(\.name)
        XCTAssertEqual(Set(names).count, names.count, "duplicate command in \(names)")
    }

    // MARK: - Help generated from the table

    func testEveryCommandHelpStartsWithItsSynopsis() {
        for command in registry.commands {
            let usage = firstLine(of: help(command))
            XCTAssertTrue(usage.hasPrefix("usage: checkout-admin \(command.name)"), usage)
            for argument in command.arguments {
                XCTAssertTrue(
                    usage.contains(argument.usageForm),
                    "'\(command.name)' synopsis lacks \(argument.usageForm): \(usage)")
            }
            for option in command.options {
                XCTAssertTrue(
                    usage.contains("[\(option.usageForm)]"),
                    "'\(command.name)' synopsis lacks \(option.usageForm): \(usage)")
            }
        }
    }

    func testEveryCommandHelpShowsItsSummary() {
        for command in registry.commands {
            XCTAssertTrue(
                help(command).contains("\n\n\(command.summary)\n"), "'\(command.name)' help lacks its summary")
        }
    }

    func testEveryCommandHelpListsItsArgumentsWithTheirHelp() {
        for command in registry.commands {
            let lines = help(command).split(separator: "\n").map(String.init)
            for argument in command.arguments {
                XCTAssertTrue(
                    lines.contains { $0.hasPrefix("  \(argument.usageForm) ") && $0.hasSuffix(argument.help) },
                    "'\(command.name)' help lacks a line for \(argument.usageForm)")
            }
        }
    }

    func testEveryCommandHelpListsItsOptionsWithTheirHelp() {
        for command in registry.commands {
            let text = help(command)
            if !command.options.isEmpty {
                XCTAssertTrue(text.contains("\nOptions:\n"), "'\(command.name)' help has no Options:")
            }
            for option in command.options {
                XCTAssertTrue(
                    hasOptionLine(option, in: text), "'\(command.name)' help lacks a line for --\(option.name)")
            }
        }
    }

    func testEveryCommandHelpListsTheGlobalOptions() {
        for command in registry.commands {
            let text = help(command)
            XCTAssertTrue(text.contains("\nGlobal options:\n"), "'\(command.name)' help has no Global options:")
            for option in GlobalOptions.specs {
                XCTAssertTrue(hasOptionLine(option, in: text), "'\(command.name)' help lacks global --\(option.name)")
            }
        }
    }

    func testEveryCommandHelpShowsItsExamples() {
        for command in registry.commands {
            let text = help(command)
            XCTAssertTrue(text.contains("\nExamples:\n"), "'\(command.name)' help has no Examples:")
            for example in command.examples {
                XCTAssertTrue(
                    text.contains("\n  # \(example.explanation)\n  checkout-admin \(example.command)\n"),
                    "'\(command.name)' help lacks example '\(example.command)'")
            }
        }
    }

    func testEveryGroupHasHelp() {
        for group in registry.groups {
            guard let text = renderer.help(for: [group.name]) else {
                XCTFail("group '\(group.name)' has no help (is it declared without commands?)")
                continue
            }
            XCTAssertTrue(text.hasPrefix("usage: checkout-admin \(group.name) <command> [arguments] [options]\n"), text)
            XCTAssertTrue(text.contains("\n\n\(group.summary)\n"), "group '\(group.name)' help lacks its summary")
            XCTAssertTrue(text.contains("\nExamples:\n"), "group '\(group.name)' help has no Examples:")
        }
    }

    func testEveryGroupHelpListsItsSubcommandsWithTheirSummaries() {
        for group in registry.groups {
            let text = renderer.help(for: [group.name]) ?? ""
            for command in registry.commands(under: [group.name]) {
                let word = command.path[1]
                XCTAssertTrue(
                    text.split(separator: "\n").contains {
                        $0.hasPrefix("  \(word) ") && $0.hasSuffix(command.summary)
                    },
                    "group '\(group.name)' help lacks '\(word)'")
            }
        }
    }

    func testEveryFirstWordOfASubcommandIsADeclaredGroup() {
        let groups = Set(registry.groups.map(\.name))
        for command in registry.commands where command.path.count > 1 {
            XCTAssertTrue(
                groups.contains(command.path[0]), "'\(command.path[0])' of '\(command.name)' is not a declared group")
        }
    }

    func testRootHelpListsEveryTopLevelWordWithItsSummary() {
        let lines = (renderer.help(for: []) ?? "").split(separator: "\n")
        for word in registry.children(of: []) {
            let summary = registry.summary(of: [word])
            XCTAssertFalse(summary.isEmpty, "'\(word)' has no summary")
            XCTAssertTrue(
                lines.contains { $0.hasPrefix("  \(word) ") && $0.hasSuffix(summary) }, "root help lacks '\(word)'")
        }
    }

    // MARK: - Option names

    func testNoTwoOptionsOfACommandShareALongName() {
        for command in registry.commands {
            let names = (GlobalOptions.specs + command.options).map(\.name)
            XCTAssertEqual(Set(names).count, names.count, "'\(command.name)' repeats an option name: \(names)")
        }
    }

    func testNoTwoOptionsOfACommandShareAShortName() {
        for command in registry.commands {
            let shorts = (GlobalOptions.specs + command.options).compactMap(\.short)
            XCTAssertEqual(Set(shorts).count, shorts.count, "'\(command.name)' repeats a short option: \(shorts)")
        }
    }

    func testNoOptionNameIsTheNegationOfAFlag() {
        for command in registry.commands {
            let options = GlobalOptions.specs + command.options
            let names = Set(options.map(\.name))
            for flag in options where flag.kind == .flag {
                XCTAssertFalse(
                    names.contains("no-\(flag.name)"),
                    "'\(command.name)': --no-\(flag.name) is both an option and a negation")
            }
        }
    }

    func testOptionNamesAreLowerCaseWordsJoinedByHyphens() {
        for command in registry.commands {
            for option in GlobalOptions.specs + command.options {
                let valid =
                    !option.name.isEmpty && !option.name.hasPrefix("-") && !option.name.hasSuffix("-")
                    && option.name.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
                XCTAssertTrue(valid, "'\(command.name)': bad option name '\(option.name)'")
            }
        }
    }

    // MARK: - Arguments

    func testOnlyTheLastArgumentMayTakeSeveralWords() {
        for command in registry.commands {
            for argument in command.arguments.dropLast() {
                XCTAssertTrue(
                    argument.arity == .required || argument.arity == .optional,
                    "'\(command.name)': \(argument.usageForm) takes several words but is not last")
            }
        }
    }

    func testNoRequiredArgumentFollowsAnOptionalOne() {
        for command in registry.commands {
            let arities = command.arguments.map(\.arity)
            guard let firstOptional = arities.firstIndex(where: { $0 == .optional || $0 == .zeroOrMore }) else {
                continue
            }
            XCTAssertFalse(
                arities[firstOptional...].contains { $0 == .required || $0 == .oneOrMore },
                "'\(command.name)': a required argument follows an optional one")
        }
    }

    // MARK: - Examples parse

    func testEveryExampleParsesToItsOwnCommand() {
        let parser = CommandLineParser(registry: registry)
        for command in registry.commands {
            for example in command.examples {
                do {
                    let words = try ShellWords.split(example.command)
                    guard case .run(let parsed, _) = try parser.parse(words) else {
                        XCTFail("'\(example.command)' does not run a command")
                        continue
                    }
                    XCTAssertEqual(parsed.name, command.name, "example '\(example.command)' runs another command")
                } catch {
                    XCTFail(
                        "example '\(example.command)' of '\(command.name)' does not parse: \(ErrorReport(error).message)"
                    )
                }
            }
        }
    }

    func testEveryCommandPathReachesItsHelp() throws {
        let parser = CommandLineParser(registry: registry)
        for command in registry.commands {
            guard case .help(let path, _) = try parser.parse(command.path + ["--help"]) else {
                XCTFail("'\(command.name) --help' is not help")
                continue
            }
            XCTAssertEqual(path, command.path)
        }
    }

    func testShellWordsKeepQuotedTextTogether() throws {
        XCTAssertEqual(
            try ShellWords.split("settings set T1 name='Example AS' country=NO"),
            ["settings", "set", "T1", "name=Example AS", "country=NO"])
        XCTAssertEqual(try ShellWords.split("  a  ''  'b c'd \"e 'f'\""), ["a", "", "b cd", "e 'f'"])
        XCTAssertThrowsError(try ShellWords.split("a 'b"))
    }

    func testShellWordsStopAtARedirection() throws {
        XCTAssertEqual(try ShellWords.split("completion bash > /etc/x"), ["completion", "bash"])
        XCTAssertEqual(try ShellWords.split("dump | checkout-admin apply -"), ["dump"])
        XCTAssertEqual(try ShellWords.split("a '>' b"), ["a", ">", "b"])
    }

    // MARK: - Helpers

    private func help(_ command: CommandSpec) -> String {
        renderer.help(for: command.path) ?? ""
    }

    private func firstLine(of text: String) -> String {
        String(text.prefix { $0 != "\n" })
    }

    private func hasOptionLine(_ option: OptionSpec, in text: String) -> Bool {
        let form = (option.short.map { "-\($0), " } ?? "") + option.usageForm
        return text.split(separator: "\n").contains { $0.hasPrefix("  \(form) ") && $0.hasSuffix(option.help) }
    }
}

/// Splits an example line the way a POSIX shell would for the quoting examples use: spaces separate
/// words, single and double quotes keep text (spaces included) together, and a word may mix quoted and
/// bare parts. An unquoted `>`, `<`, `|`, `;` or `&` ends the command: what follows is for the shell.
private enum ShellWords {
    /// An unterminated quote.
    struct UnbalancedQuote: Error {}

    /// The words of `line` up to the first shell operator.
    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current: String?
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current!.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                current = current ?? ""
            } else if character == " " {
                if let word = current { words.append(word) }
                current = nil
            } else if ">|<;&".contains(character) {
                break
            } else {
                current = (current ?? "") + String(character)
            }
        }
        guard quote == nil else { throw UnbalancedQuote() }
        if let word = current { words.append(word) }
        return words
    }
}
