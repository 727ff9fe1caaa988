import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `completion bash|zsh|fish`, and each script driven by its real shell with the built binary first on
/// PATH and CHECKOUT_ADMIN_STORE pointing at a store the test prepares. A missing shell fails the test
/// with how to install it (Scripts/ensure-deps.sh installs zsh and fish).
final class CompletionScriptTests: CLITestCase {
    // MARK: - The command

    func testCompletionBashPrintsTheBashScript() {
        let result = cli.run("completion bash")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.hasPrefix("# bash completion for checkout-admin"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("\ncomplete -F _checkout_admin checkout-admin\n"), result.stdout)
    }

    func testCompletionZshPrintsTheZshScript() {
        let result = cli.run("completion zsh")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.hasPrefix("#compdef checkout-admin\n"), result.stdout)
    }

    func testCompletionFishPrintsTheFishScript() {
        let result = cli.run("completion fish")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(
            result.stdout.hasSuffix("\ncomplete -c checkout-admin -f -a '(__checkout_admin_complete)'\n"), result.stdout
        )
    }

    func testCompletionForAnUnknownShellIsAUsageError() {
        assertRun(
            cli.run("completion tcsh"), status: 2,
            stderr: "error: unknown shell 'tcsh'\nhint: did you mean 'bash'?\nhint: shells: bash, fish, zsh\n")
    }

    func testCompletionForAnUnknownShellWithJSONIsAUsageError() {
        assertRun(
            cli.run("--json completion powershell"), status: 2,
            stderr:
                #"{"error":{"code":"usage","exit_code":2,"hint":"shells: bash, fish, zsh","message":"unknown shell 'powershell'"}}"#
                + "\n")
    }

    func testCompletionWithoutAShellIsAUsageError() {
        assertRun(
            cli.run("completion"), status: 2,
            stderr: "error: 'completion' needs <shell>\nhint: usage: checkout-admin completion <shell>\n")
    }

    func testCompletionCreatesNoStore() {
        XCTAssertEqual(cli.run("completion fish").status, 0)
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: - bash

    func testBashScriptRegistersItsFunction() throws {
        let result = try bash("source <(checkout-admin completion bash) && complete -p checkout-admin")
        XCTAssertEqual(
            result, ChildProcessResult(status: 0, stdout: "complete -F _checkout_admin checkout-admin\n", stderr: ""))
    }

    func testBashOffersTheTopLevelCommands() throws {
        XCTAssertEqual(
            try bashReplies(["checkout-admin", ""]),
            [
                "account", "apply", "audit", "clicktopay", "completion", "diff", "dump", "history", "init", "method",
                "profile", "pull", "push", "settings", "store", "help",
            ])
    }

    func testBashOffersPaymentTypesAfterMethodEnableAccount() throws {
        try makeProfiles()
        XCTAssertEqual(
            try bashReplies(["checkout-admin", "method", "enable", "T12345678", ""]),
            PaymentCatalogue.allowedIdentifiers)
    }

    func testBashOffersAccountIdsFromTheStore() throws {
        try makeProfiles()
        cli.succeed("account add P87654321")
        XCTAssertEqual(try bashReplies(["checkout-admin", "account", "show", ""]), ["P87654321", "T12345678"])
    }

    func testBashCompletesTheWordUnderTheCursorOnly() throws {
        try makeProfiles()
        XCTAssertEqual(try bashReplies(["checkout-admin", "method", "en", "T12345678"], cursor: 2), ["enable"])
    }

    func testBashQuotesAProfileIdForTheCommandLine() throws {
        try makeProfiles()
        XCTAssertEqual(try bashReplies(["checkout-admin", "profile", "show", "T12345678", "w"]), [#"web\ shop"#])
    }

    func testBashNeverExpandsACandidate() throws {
        makeCardAccount()
        let marker = "\(cli.directory)/expanded"
        succeed(["profile", "add", "T12345678", "$(touch \(marker))", "--method", "dintero_psp.creditcard"])
        XCTAssertEqual(
            try bashReplies(["checkout-admin", "profile", "show", "T12345678", ""]),
            [#"\$\(touch\ "# + marker + #"\)"#])
        XCTAssertFalse(StoreTestSupport.exists(marker), "the shell ran a command found in a profile id")
    }

    func testBashJoinsAnOptionSplitAtItsEquals() throws {
        // bash splits `--currency=NO` into `--currency`, `=`, `NO`; readline then replaces only `NO`.
        XCTAssertEqual(
            try bashReplies(
                ["checkout-admin", "method", "enable", "T12345678", "dintero_psp.creditcard", "--currency", "=", "NO"],
                line: "checkout-admin method enable T12345678 dintero_psp.creditcard --currency=NO"),
            ["NOK"])
    }

    func testBashOffersValuesRightAfterTheEquals() throws {
        XCTAssertEqual(
            try bashReplies(
                ["checkout-admin", "profile", "add", "T12345678", "web", "--channel", "="],
                line: "checkout-admin profile add T12345678 web --channel="),
            ["ecommerce", "in_app", "in_store"])
    }

    func testBashOffersSettingValuesAfterTheKeysEquals() throws {
        // readline replaces only the text after the `=`: the candidates are the values alone.
        XCTAssertEqual(
            try bashReplies(
                ["checkout-admin", "settings", "set", "T12345678", "checkout_express", "="],
                line: "checkout-admin settings set T12345678 checkout_express="),
            ["true", "false"])
    }

    func testBashKeepsWordsSeparatedByBlanksApart() throws {
        try makeProfiles()
        XCTAssertEqual(
            try bashReplies(
                ["checkout-admin", "--store", cli.storePath, "account", "show", ""],
                line: "checkout-admin --store  \(cli.storePath) account show "),
            ["T12345678"])
    }

    func testBashAsksForNoSpaceAfterASettingKey() throws {
        let result = try bash(
            bashCompletion(
                ["checkout-admin", "settings", "set", "T12345678", "logo"], line: nil,
                stubs: Self.compoptStub))
        XCTAssertEqual(result, ChildProcessResult(status: 0, stdout: "compopt -o nospace\nlogo_url=\n", stderr: ""))
    }

    func testBashKeepsTheSpaceAfterAWholeWord() throws {
        let result = try bash(
            bashCompletion(
                ["checkout-admin", "method", "enable", "T12345678", "vipp"], line: nil,
                stubs: Self.compoptStub))
        XCTAssertEqual(result, ChildProcessResult(status: 0, stdout: "vipps\n", stderr: ""))
    }

    /// `compopt` works only while readline completes; this stand-in prints what the script asks for.
    private static let compoptStub = #"compopt() { echo "compopt $*"; }"#

    func testBashCompletesFileNamesForOutput() throws {
        let files = makeExportFiles()
        XCTAssertEqual(
            try bashReplies([
                "checkout-admin", "account", "export", "T12345678", "--output", "\(cli.directory)/export-",
            ]).sorted(),
            files)
    }

    func testBashCompletesFileNamesForOutputAfterTheEquals() throws {
        let files = makeExportFiles()
        XCTAssertEqual(
            try bashReplies(
                ["checkout-admin", "dump", "--output", "=", "\(cli.directory)/export-"],
                line: "checkout-admin dump --output=\(cli.directory)/export-"
            ).sorted(),
            files)
    }

    // MARK: - zsh

    func testZshScriptParses() throws {
        let script = cli.file("_checkout-admin", cli.run("completion zsh").stdout)
        XCTAssertEqual(try zsh(["-n", script]), ChildProcessResult(status: 0, stdout: "", stderr: ""))
    }

    func testZshSourcedScriptRegistersItsFunction() throws {
        let script = cli.file("checkout-admin.zsh", cli.run("completion zsh").stdout)
        XCTAssertEqual(
            try zsh(["-c", Self.zshStubs + "source \(script)"]),
            ChildProcessResult(status: 0, stdout: "compdef _checkout_admin checkout-admin\n", stderr: ""))
    }

    func testZshAutoloadedScriptCompletesOnTheFirstCall() throws {
        let folder = "\(cli.directory)/functions"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(
            atPath: "\(folder)/_checkout-admin", contents: Data(cli.run("completion zsh").stdout.utf8))
        let result = try zsh([
            "-c",
            Self.zshStubs + "fpath=(\(folder) $fpath); autoload -Uz _checkout-admin; "
                + "words=(checkout-admin pro); CURRENT=2; _checkout-admin",
        ])
        XCTAssertEqual(result, ChildProcessResult(status: 0, stdout: "profile\n", stderr: ""))
    }

    func testZshOffersPaymentTypesAfterMethodEnableAccount() throws {
        try makeProfiles()
        XCTAssertEqual(
            try zshCandidates(["checkout-admin", "method", "enable", "T12345678", "dintero_psp."]),
            [
                "dintero_psp.applepay", "dintero_psp.clicktopay", "dintero_psp.creditcard", "dintero_psp.googlepay",
                "dintero_psp.vipps",
            ])
    }

    func testZshAddsSettingKeysWithoutASpace() throws {
        XCTAssertEqual(
            try zshCandidates(["checkout-admin", "settings", "set", "T12345678", "post"]),
            ["postal_code= (no suffix)", "postal_place= (no suffix)"])
    }

    func testZshOffersSettingValuesAsWholeWordsWithASpace() throws {
        XCTAssertEqual(
            try zshCandidates(["checkout-admin", "settings", "set", "T12345678", "platform_type=m"]),
            ["platform_type=marketplace"])
    }

    func testZshOffersAProfileIdWithSpacesAsOneCandidate() throws {
        try makeProfiles()
        XCTAssertEqual(
            try zshCandidates(["checkout-admin", "profile", "show", "T12345678", "''"]), ["app", "web shop"])
    }

    func testZshUnquotesTheWordUnderTheCursor() throws {
        try makeProfiles()
        XCTAssertEqual(
            try zshCandidates(["checkout-admin", "profile", "show", "T12345678", #"'web\ s'"#]), ["web shop"])
    }

    func testZshOffersNothingWhenThereAreNoCandidates() throws {
        try makeProfiles()
        XCTAssertEqual(try zshCandidates(["checkout-admin", "history", "T12345678", "''"]), [])
    }

    func testZshCompletesFilesForTheValueOfOutput() throws {
        XCTAssertEqual(try zshCandidates(["checkout-admin", "dump", "--output=ex"]), ["compset -P *=", "_files"])
    }

    func testZshCompletesFilesForAFileArgument() throws {
        XCTAssertEqual(try zshCandidates(["checkout-admin", "apply", "st"]), ["_files"])
    }

    // MARK: - fish

    func testFishScriptParses() throws {
        let script = cli.file("checkout-admin.fish", cli.run("completion fish").stdout)
        XCTAssertEqual(try fish(["--no-config", "-n", script]), ChildProcessResult(status: 0, stdout: "", stderr: ""))
    }

    func testFishOffersPaymentTypesAfterMethodEnableAccount() throws {
        try makeProfiles()
        XCTAssertEqual(
            try fishCompletions("checkout-admin method enable T12345678 "), PaymentCatalogue.allowedIdentifiers)
    }

    func testFishOffersProfileIdsFromTheStore() throws {
        try makeProfiles()
        XCTAssertEqual(try fishCompletions("checkout-admin profile show T12345678 "), ["app", "web shop"])
    }

    func testFishOffersSubcommands() throws {
        XCTAssertEqual(try fishCompletions("checkout-admin clicktopay "), ["disable", "enable", "status"])
    }

    func testFishOffersCurrenciesAfterTheEquals() throws {
        XCTAssertEqual(
            try fishCompletions("checkout-admin method enable T12345678 dintero_psp.creditcard --currency=SE"),
            ["--currency=SEK"])
    }

    func testFishOffersOnlyTheEnabledTypesAfterProfileAddMethod() throws {
        try makeProfiles()
        succeed(["method", "enable", "T12345678", "vipps", "--currency", "NOK"])
        XCTAssertEqual(
            try fishCompletions("checkout-admin profile add-method T12345678 app "),
            ["dintero_psp.creditcard", "vipps"])
    }

    func testFishOffersSettingValuesAfterTheEquals() throws {
        XCTAssertEqual(
            try fishCompletions("checkout-admin settings set T12345678 country=S"),
            [
                "country=SA", "country=SB", "country=SC", "country=SD", "country=SE", "country=SG", "country=SH",
                "country=SI", "country=SJ", "country=SK", "country=SL", "country=SM", "country=SN", "country=SO",
                "country=SR", "country=SS", "country=ST", "country=SV", "country=SX", "country=SY", "country=SZ",
            ])
    }

    func testFishCompletesFileNamesForAFileArgument() throws {
        let files = makeExportFiles()
        XCTAssertEqual(try fishCompletions("checkout-admin apply \(cli.directory)/export-").sorted(), files)
    }

    func testFishCompletesFileNamesForOutputAfterTheEquals() throws {
        let files = makeExportFiles()
        XCTAssertEqual(
            try fishCompletions("checkout-admin dump --output=\(cli.directory)/export-").sorted(),
            files.map { "--output=" + $0 })
    }

    // MARK: - Driving the shells

    /// The environment every shell gets: the built binary first on PATH, the test's store.
    private func shellEnvironment() throws -> [String: String] {
        [
            "PATH": "\(try ChildProcess.builtBinaryFolder()):/usr/bin:/bin", "CHECKOUT_ADMIN_STORE": cli.storePath,
            "CHECKOUT_ADMIN_ACTOR": "tester", "HOME": cli.directory,
        ]
    }

    private func bash(_ script: String) throws -> ChildProcessResult {
        try ChildProcess.run(
            try ChildProcess.program("bash", package: "bash"), ["-c", script], environment: try shellEnvironment())
    }

    /// A bash program that sources the script, sets COMP_WORDS (and COMP_LINE when given) as readline
    /// would, calls the completion function and prints COMPREPLY one per line.
    private func bashCompletion(_ words: [String], cursor: Int? = nil, line: String?, stubs: String = "") -> String {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }.joined(separator: " ")
        var script = "source <(checkout-admin completion bash) || exit 1\n\(stubs)\n"
        script += "COMP_WORDS=(\(quoted)); COMP_CWORD=\(cursor ?? words.count - 1)\n"
        if let line {
            script += "COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}\n"
        }
        return script + #"_checkout_admin; [ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}""#
    }

    /// COMPREPLY for `words`; fails the test unless bash exits 0 with nothing on stderr.
    private func bashReplies(
        _ words: [String], cursor: Int? = nil, line: String? = nil,
        file: StaticString = #filePath, lineNumber: UInt = #line
    ) throws -> [String] {
        let result = try bash(bashCompletion(words, cursor: cursor, line: line))
        XCTAssertEqual(result.status, 0, "bash exit status", file: file, line: lineNumber)
        XCTAssertEqual(result.stderr, "", "bash stderr", file: file, line: lineNumber)
        return lines(result.stdout)
    }

    /// zsh's completion builtins replaced by functions that print what the script asks for.
    private static let zshStubs = """
        compadd() {
            local suffix=""
            if [[ $1 == -S ]]; then suffix=" (no suffix)"; shift 2; fi
            [[ $1 == -- ]] && shift
            local candidate
            for candidate in "$@"; do print -r -- "$candidate$suffix"; done
        }
        compset() { print -r -- "compset $*"; }
        _files() { print -r -- "_files"; }
        compdef() { print -r -- "compdef $*"; }

        """

    private func zsh(_ arguments: [String]) throws -> ChildProcessResult {
        try ChildProcess.run(
            try ChildProcess.program("zsh", package: "zsh"), ["-f"] + arguments, environment: try shellEnvironment())
    }

    /// What the zsh function adds for `words` (as zsh holds them: quoted as typed), the last under the cursor.
    private func zshCandidates(_ words: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [String]
    {
        let script = cli.file("checkout-admin.zsh", cli.run("completion zsh").stdout)
        let result = try zsh([
            "-c",
            Self.zshStubs + "source \(script) >/dev/null\n"
                + "words=(\(words.joined(separator: " "))); CURRENT=\(words.count)\n_checkout_admin",
        ])
        XCTAssertEqual(result.status, 0, "zsh exit status", file: file, line: line)
        XCTAssertEqual(result.stderr, "", "zsh stderr", file: file, line: line)
        return lines(result.stdout)
    }

    private func fish(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ChildProcessResult {
        try ChildProcess.run(
            try ChildProcess.program("fish", package: "fish"), arguments,
            environment: try shellEnvironment().merging(extra) { $1 })
    }

    /// What fish offers for the command line `line` (cursor at its end), with the script loaded.
    private func fishCompletions(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) throws
        -> [String]
    {
        let script = cli.file("checkout-admin.fish", cli.run("completion fish").stdout)
        let result = try fish(
            ["--no-config", "-c", #"source $argv[1]; and complete --do-complete=$LINE"#, script],
            environment: ["LINE": line])
        XCTAssertEqual(result.status, 0, "fish exit status", file: file, line: lineNumber)
        XCTAssertEqual(result.stderr, "", "fish stderr", file: file, line: lineNumber)
        return lines(result.stdout)
    }

    // MARK: - Fixtures

    /// T12345678 with the card method and the profiles `app` and `web shop`.
    private func makeProfiles() throws {
        makeCardAccount()
        for profile in ["web shop", "app"] {
            succeed(["profile", "add", "T12345678", profile, "--method", "dintero_psp.creditcard"])
        }
    }

    /// Runs `arguments` in-process and fails the test unless the exit status is 0.
    private func succeed(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) {
        let result = cli.run(arguments)
        XCTAssertEqual(result.status, 0, "\(arguments)\n\(result.stderr)", file: file, line: line)
    }

    /// Two files whose names start with `export-`, returned as sorted paths.
    private func makeExportFiles() -> [String] {
        ["export-a.json", "export-b.json"].map { cli.file($0, "{}\n") }.sorted()
    }

    /// The lines of `text`, each ended by a newline; an empty line is kept (an empty candidate is a bug).
    private func lines(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
