import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `help --man`: a roff page generated from the command tables, checked as source and as groff renders it.
/// A missing groff fails these tests with how to install it (Scripts/ensure-deps.sh installs groff-base).
final class ManPageTests: CLITestCase {
    // MARK: - The source

    func testManOptionPrintsThePageOnStdoutOnly() {
        let result = cli.run("help --man")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, ManPage(registry: Commands.registry).render())
    }

    func testPageStartsWithTheTitleLine() {
        let build = BuildVersion.current
        XCTAssertEqual(
            page.split(separator: "\n").first.map(String.init),
            ".TH CHECKOUT-ADMIN 1 \(build.releaseDate) \"checkout-admin \(build.version)\" \"User Commands\"")
    }

    func testPageHasTheStandardSectionsInOrder() {
        XCTAssertEqual(
            page.split(separator: "\n").filter { $0.hasPrefix(".SH ") },
            [
                ".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH GLOBAL OPTIONS", ".SH COMMANDS", ".SH EXIT STATUS",
                ".SH ENVIRONMENT", ".SH FILES",
            ])
    }

    func testTitleLineDatesThePageWithTheReleaseDateNotTheBuildTime() throws {
        let changelog = try String(
            contentsOf: BuiltBinary.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let heading = try XCTUnwrap(
            changelog.split(separator: "\n").first { $0.hasPrefix("## [") && $0.contains("] - ") })
        let date = String(heading.split(separator: " ")[3])
        XCTAssertEqual(BuildVersion.current.releaseDate, date)
        XCTAssertTrue(page.hasPrefix(".TH CHECKOUT-ADMIN 1 \(date) \"checkout-admin "), page.prefix(80).description)
    }

    func testFilesSectionEndsThePageNamingTheStoreTheCredentialsAndTheHelper() {
        XCTAssertEqual(
            page.components(separatedBy: "\n.SH ").last,
            #"""
            FILES
            .TP
            \fI$XDG_DATA_HOME/checkout\-admin/store.sqlite\fR
            The store (SQLite, mode 0600, with its \-wal and \-shm files), created on the first write; ~/.local/share/checkout\-admin/store.sqlite when XDG_DATA_HOME is unset. \-\-store or CHECKOUT_ADMIN_STORE chooses another.
            .TP
            \fI$XDG_CONFIG_HOME/checkout\-admin/credentials.json\fR
            API client credentials per account for pull, diff and push, {\(dqT12345678\(dq: {\(dqclient_id\(dq: \(dq.\|.\|.\(dq, \(dqclient_secret\(dq: \(dq.\|.\|.\(dq}}; refused when group\- or world\-readable. ~/.config/checkout\-admin/credentials.json when XDG_CONFIG_HOME is unset; CHECKOUT_ADMIN_CREDENTIALS chooses another.
            .TP
            \fI/usr/lib/checkout\-admin/checkout\-admin\-remote\fR
            The helper that runs pull, diff and push, executed with the same arguments and environment: looked for beside checkout\-admin first, then in ../lib/checkout\-admin/ from it (this path when checkout\-admin is /usr/bin/checkout\-admin, as the Debian package installs it).

            """#)
    }

    func testPageHasASubsectionForEveryCommand() {
        XCTAssertEqual(
            page.split(separator: "\n").filter { $0.hasPrefix(".SS ") }.map(String.init),
            Commands.registry.commands.map { ".SS " + roff($0.name) })
    }

    func testPageDescribesEveryOptionOfEveryCommandInItsSubsection() throws {
        for command in Commands.registry.commands {
            let section = try XCTUnwrap(subsection(command), command.name)
            for option in command.options {
                XCTAssertTrue(
                    section.contains(optionLine(option)), "'\(command.name)' lacks \(option.usageForm) in the man page")
            }
        }
    }

    func testPageDescribesEveryGlobalOption() throws {
        let section = try XCTUnwrap(section("GLOBAL OPTIONS"))
        for option in GlobalOptions.specs {
            XCTAssertTrue(section.contains(optionLine(option)), "the man page lacks \(option.usageForm)")
        }
    }

    func testShortOptionsAreShownBeforeTheirLongForm() throws {
        let section = try XCTUnwrap(section("GLOBAL OPTIONS"))
        XCTAssertTrue(
            section.contains(
                ".TP\n\\fB\\-q\\fR, \\fB\\-\\-quiet\\fR\nprint nothing on success except requested data\n"), section)
    }

    func testPageTurnsHyphenationOff() {
        XCTAssertEqual(page.split(separator: "\n").dropFirst().prefix(2), [".nh", ".ad l"])
    }

    func testNameLineUsesAnEscapedHyphen() {
        XCTAssertTrue(
            page.contains(
                "\n.SH NAME\ncheckout\\-admin \\- backoffice for Dintero checkout configuration and Click to Pay\n"))
    }

    func testNoTextLineIsTakenForARequest() {
        // A line starting with `.` or `'` is a roff request; text that starts so must be escaped with `\&`.
        let requests = page.split(separator: "\n").filter { $0.hasPrefix(".") || $0.hasPrefix("'") }
        let known: Set<String> = ["TH", "nh", "ad", "SH", "SS", "B", "PP", "TP", "IP", "nf", "fi"]
        XCTAssertEqual(requests.filter { !known.contains(String($0.dropFirst().prefix { $0 != " " })) }, [])
    }

    // MARK: - As groff renders it

    func testGroffRendersThePageWithoutWarnings() throws {
        XCTAssertEqual(try groff(["-man", "-ww", "-z"]), ChildProcessResult(status: 0, stdout: "", stderr: ""))
    }

    func testGroffRendersThePageForAnASCIITerminalWithoutWarnings() throws {
        let result = try groff(["-man", "-ww", "-Tascii"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
    }

    func testGroffRendersThePageForAUTF8TerminalWithoutWarnings() throws {
        let result = try groff(["-man", "-ww", "-Tutf8"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
    }

    func testRenderedPageShowsEveryExampleAsWritten() throws {
        let text = try renderedText()
        for example in Commands.registry.commands.flatMap(\.examples) {
            let line = words("checkout-admin " + example.command.replacingOccurrences(of: "…", with: "..."))
            XCTAssertTrue(text.contains(line), "the rendered page lacks: \(line)")
        }
    }

    func testRenderedPageKeepsTheQuotesOfAnExample() throws {
        XCTAssertTrue(try renderedText().contains(#"checkout-admin completion zsh > "${fpath[1]}/_checkout-admin""#))
    }

    func testRenderedPageShowsTheEllipsisOfASynopsisOnAnASCIITerminal() throws {
        XCTAssertTrue(try renderedText().contains("checkout-admin settings set <account> <key=value>..."))
    }

    func testRenderedPageShowsEverySynopsis() throws {
        let text = try renderedText()
        for command in Commands.registry.commands {
            let synopsis = words(Synopsis.line(for: command).replacingOccurrences(of: "…", with: "..."))
            XCTAssertTrue(text.contains(synopsis), "the rendered page lacks: \(synopsis)")
        }
    }

    func testRenderedPageHasTheExitCodesTopic() throws {
        let text = try renderedText()
        for line in HelpTopic.exitCodes.text.split(separator: "\n") {
            XCTAssertTrue(
                text.contains(words(line.replacingOccurrences(of: "…", with: "..."))), "EXIT STATUS lacks: \(line)")
        }
    }

    func testRenderedPageHasTheEnvironmentTopic() throws {
        let text = try renderedText()
        for line in HelpTopic.environment.text.split(separator: "\n") {
            XCTAssertTrue(text.contains(words(String(line))), "ENVIRONMENT lacks: \(line)")
        }
    }

    func testRenderedPageHasTheFilesSection() throws {
        let text = try renderedText()
        XCTAssertTrue(
            text.contains(
                words(
                    """
                    FILES $XDG_DATA_HOME/checkout-admin/store.sqlite The store (SQLite, mode 0600, with its -wal and
                    -shm files), created on the first write;
                    """)), text)
    }

    // MARK: - Helpers

    private var page: String { cli.run("help --man").stdout }

    /// The lines of `.SH <name>` up to the next `.SH`.
    private func section(_ name: String) -> String? {
        page.components(separatedBy: "\n.SH ").first { $0.hasPrefix(name + "\n") }.map { $0 + "\n" }
    }

    /// The lines of a command's `.SS` up to the next `.SS` or `.SH`.
    private func subsection(_ command: CommandSpec) -> String? {
        page.components(separatedBy: "\n.S").first { $0.hasPrefix("S " + roff(command.name) + "\n") }.map { $0 + "\n" }
    }

    /// An option's item as the page writes it: `.TP`, the bold form (short first), the help line.
    private func optionLine(_ option: OptionSpec) -> String {
        let short = option.short.map { "\\fB\\-\($0)\\fR, " } ?? ""
        return ".TP\n\(short)\\fB\(roff(option.usageForm))\\fR\n\(roff(option.help))\n"
    }

    /// Hyphens as roff's minus sign; the texts these tests look up hold no other special characters.
    private func roff(_ text: String) -> String {
        text.replacingOccurrences(of: "-", with: "\\-")
    }

    /// groff run over the page on stdin.
    private func groff(_ arguments: [String]) throws -> ChildProcessResult {
        try ChildProcess.run(
            try ChildProcess.program("groff", package: "groff-base"), arguments,
            environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"], stdin: page)
    }

    /// The page as plain ASCII text (no bold or underline), every run of white space made one space.
    private func renderedText() throws -> String {
        let result = try groff(["-man", "-Tascii", "-P-cbou"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return words(result.stdout)
    }

    private func words(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
