import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// The command-line parsing rules, through the parser itself and through a whole in-process run.
final class CommandLineParserTests: CLITestCase {
    private let accountListTable = "ACCOUNT\tENVIRONMENT\tNAME\tMETHODS\tPROFILES\tCLICK_TO_PAY\n"
    private let emptyAccountListJSON = "{\n  \"accounts\": [],\n  \"format_version\": \"1\"\n}\n"
    private let addUsage = "hint: usage: checkout-admin account add <account> [--name TEXT] [--if-not-exists]\n"

    // MARK: - Option values

    func testValueOptionTakesTheValueAfterAnEqualsSign() throws {
        let parsed = try parseRun(["account", "add", "T12345678", "--name=Example AS"])
        XCTAssertEqual(parsed.value("name"), "Example AS")
    }

    func testValueOptionTakesTheNextWordAsItsValue() throws {
        let parsed = try parseRun(["account", "add", "T12345678", "--name", "Example AS"])
        XCTAssertEqual(parsed.value("name"), "Example AS")
        XCTAssertEqual(parsed.argument("account"), "T12345678")
    }

    func testInlineValueKeepsLaterEqualsSigns() throws {
        let parsed = try parseRun(["account", "add", "T12345678", "--name=a=b"])
        XCTAssertEqual(parsed.value("name"), "a=b")
    }

    func testEmptyInlineValueIsAnEmptyValue() throws {
        let parsed = try parseRun(["account", "add", "T12345678", "--name="])
        XCTAssertEqual(parsed.values["name"], [""])
    }

    func testValueOptionTakesTheNextWordEvenWhenItStartsWithADash() throws {
        let parsed = try parseRun(["account", "add", "T12345678", "--name", "-x"])
        XCTAssertEqual(parsed.value("name"), "-x")
    }

    func testValueOptionGivenTwiceKeepsTheLastValue() throws {
        let parsed = try parseRun(["--store", "first.sqlite", "account", "list", "--store=second.sqlite"])
        XCTAssertEqual(parsed.value("store"), "second.sqlite")
    }

    func testRepeatedOptionKeepsEveryValueInOrder() throws {
        let parsed = try parseRun([
            "method", "enable", "T12345678", "dintero_psp.creditcard", "--currency", "SEK", "--currency=NOK",
        ])
        XCTAssertEqual(parsed.allValues("currency"), ["SEK", "NOK"])
    }

    func testValueOptionWithoutAValueIsAUsageError() {
        assertRun(
            cli.run("account add T12345678 --name"), status: 2,
            stderr: "error: option '--name' needs a value\nhint: usage: --name TEXT\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testGlobalValueOptionWithoutAValueIsAUsageError() {
        assertRun(
            cli.run("account list --store"), status: 2,
            stderr: "error: option '--store' needs a value\nhint: usage: --store PATH\n")
    }

    // MARK: - Flags

    func testFlagIsOnWhenGiven() throws {
        let parsed = try parseRun(["account", "add", "T12345678", "--if-not-exists"])
        XCTAssertTrue(parsed.flag("if-not-exists"))
    }

    func testNoFlagTurnsTheFlagOff() throws {
        let parsed = try parseRun(["account", "add", "T12345678", "--if-not-exists", "--no-if-not-exists"])
        XCTAssertFalse(parsed.flag("if-not-exists"))
        XCTAssertTrue(parsed.hasFlag("if-not-exists"))
    }

    func testFlagAfterItsNegationWins() throws {
        let parsed = try parseRun(["account", "add", "T12345678", "--no-if-not-exists", "--if-not-exists"])
        XCTAssertTrue(parsed.flag("if-not-exists"))
    }

    func testNegatedIfNotExistsStillRefusesAnExistingAccount() {
        cli.succeed("account add T12345678")
        assertRun(
            cli.run("account add T12345678 --if-not-exists --no-if-not-exists"), status: 3,
            stderr:
                "error: account 'T12345678' already exists\nhint: pass --if-not-exists to accept an existing account\n")
    }

    func testNoJSONAfterJSONGivesTextOutput() {
        assertRun(cli.run("account list --json --no-json"), status: 0, stdout: accountListTable)
    }

    func testJSONAfterNoJSONGivesJSONOutput() {
        assertRun(cli.run("--no-json account list --json"), status: 0, stdout: emptyAccountListJSON)
    }

    func testFlagGivenAValueIsAUsageError() {
        assertRun(cli.run("account list --json=yes"), status: 2, stderr: "error: option '--json' takes no value\n")
    }

    func testNegatedFlagGivenAValueIsAUsageError() {
        assertRun(
            cli.run("account list --no-json=yes"), status: 2, stderr: "error: option '--no-json' takes no value\n")
    }

    func testNegatingAValueOptionIsAnUnknownOption() {
        assertRun(
            cli.run("account list --no-store"), status: 2,
            stderr: "error: unknown option '--no-store'\nhint: see 'checkout-admin account list --help'\n")
    }

    func testShortFlagIsTheSameAsItsLongForm() throws {
        let parsed = try parseRun(["account", "list", "-q"])
        XCTAssertTrue(parsed.flag("quiet"))
    }

    func testQuietShortFlagSilencesTheChangeReport() {
        assertRun(cli.run("account add T12345678 -q"), status: 0)
        XCTAssertEqual(try cli.rows("SELECT COUNT(*) FROM account"), [["1"]])
    }

    // MARK: - `--` and `-`

    func testWordAfterDoubleDashIsAnArgumentEvenWhenItLooksLikeAnOption() throws {
        let parsed = try parseRun(["account", "add", "--", "--json"])
        XCTAssertEqual(parsed.arguments("account"), ["--json"])
        XCTAssertFalse(parsed.hasFlag("json"))
    }

    func testShortOptionAfterDoubleDashIsAnArgument() throws {
        let parsed = try parseRun(["account", "add", "--", "-x"])
        XCTAssertEqual(parsed.arguments("account"), ["-x"])
    }

    func testSecondDoubleDashIsAnArgument() throws {
        let parsed = try parseRun(["settings", "unset", "T12345678", "--", "--", "-q"])
        XCTAssertEqual(parsed.arguments("key"), ["--", "-q"])
        XCTAssertFalse(parsed.hasFlag("quiet"))
    }

    func testJSONAfterDoubleDashIsValidatedAsTheAccountArgument() {
        assertRun(
            cli.run("account add -- --json"), status: 3,
            stderr: "error: invalid account id '--json'\n"
                + "hint: an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678\n")
    }

    func testHelpAfterDoubleDashIsAnArgument() {
        assertRun(
            cli.run("account add -- --help"), status: 3,
            stderr: "error: invalid account id '--help'\n"
                + "hint: an account id is T (test) or P (production) followed by 8 digits, e.g. T12345678\n")
    }

    func testSingleDashIsAnArgument() throws {
        let parsed = try parseRun(["settings", "unset", "T12345678", "-"])
        XCTAssertEqual(parsed.arguments("key"), ["-"])
    }

    // MARK: - Global options anywhere

    func testGlobalOptionBeforeTheCommandApplies() {
        assertRun(cli.run("--json account list"), status: 0, stdout: emptyAccountListJSON)
    }

    func testGlobalOptionAfterTheCommandApplies() {
        assertRun(cli.run("account list --json"), status: 0, stdout: emptyAccountListJSON)
    }

    func testGlobalOptionBetweenGroupAndSubcommandApplies() {
        assertRun(cli.run("account --json list"), status: 0, stdout: emptyAccountListJSON)
    }

    func testStoreOptionBeforeTheCommandChoosesTheStore() {
        let other = "\(cli.directory)/other.sqlite"
        assertRun(
            cli.run(["--store", other, "account", "add", "T12345678"]), status: 0,
            stderr: "+ account T12345678\n" + merchantIncomplete(lacks: "name and logo_url"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: other))
        XCTAssertNil(cli.storeBytes(), "the store of CHECKOUT_ADMIN_STORE must stay untouched")
    }

    func testCommandOptionBeforeTheCommandIsAnUnknownOption() {
        assertRun(
            cli.run("--name Example account add T12345678"), status: 2,
            stderr: "error: unknown option '--name'\nhint: see 'checkout-admin --help'\n")
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: - Help

    func testHelpOptionPrintsTheCommandHelpOnStdout() {
        let result = cli.run("account add T12345678 --help")
        assertRun(result, status: 0, stdout: help(["account", "add"]))
        XCTAssertTrue(
            result.stdout.hasPrefix("usage: checkout-admin account add <account> [--name TEXT] [--if-not-exists]\n"))
        XCTAssertNil(cli.storeBytes(), "help must not run the command")
    }

    func testShortHelpOptionPrintsTheCommandHelp() {
        assertRun(cli.run("account add -h"), status: 0, stdout: help(["account", "add"]))
    }

    func testHelpCombinedWithAnotherShortFlagPrintsTheCommandHelp() {
        assertRun(cli.run("account add -qh"), status: 0, stdout: help(["account", "add"]))
    }

    func testHelpBeforeTheCommandPrintsTheCommandHelp() {
        assertRun(cli.run("--help account add"), status: 0, stdout: help(["account", "add"]))
    }

    func testHelpWithAMissingArgumentPrintsTheCommandHelp() {
        assertRun(cli.run("account add --help"), status: 0, stdout: help(["account", "add"]))
    }

    func testHelpWithAnExtraArgumentPrintsTheCommandHelp() {
        assertRun(cli.run("account add T12345678 extra --help"), status: 0, stdout: help(["account", "add"]))
    }

    func testHelpAfterAnUnknownOptionPrintsTheCommandHelp() {
        assertRun(cli.run("account add --bogus --help"), status: 0, stdout: help(["account", "add"]))
    }

    func testHelpBeforeAnUnknownOptionPrintsTheCommandHelp() {
        assertRun(cli.run("account add -h --bogus"), status: 0, stdout: help(["account", "add"]))
    }

    func testHelpOnAGroupPrintsTheGroupHelp() {
        let result = cli.run("account --help")
        assertRun(result, status: 0, stdout: help(["account"]))
        XCTAssertTrue(result.stdout.hasPrefix("usage: checkout-admin account <command> [arguments] [options]\n"))
    }

    func testHelpAfterAnUnknownSubcommandPrintsTheGroupHelp() {
        assertRun(cli.run("account lis --help"), status: 0, stdout: help(["account"]))
    }

    func testHelpWithoutACommandPrintsTheRootHelp() {
        let result = cli.run("--help")
        assertRun(result, status: 0, stdout: help([]))
        XCTAssertTrue(result.stdout.hasPrefix("usage: checkout-admin <command> [arguments] [options]\n"))
    }

    func testHelpCommandPrintsTheSameTextAsTheHelpOption() {
        let option = cli.run("account add --help")
        assertRun(cli.run("help account add"), status: 0, stdout: option.stdout)
        XCTAssertFalse(option.stdout.isEmpty)
    }

    func testHelpCommandForAGroupPrintsTheSameTextAsTheHelpOption() {
        assertRun(cli.run("help account"), status: 0, stdout: cli.run("account --help").stdout)
    }

    func testHelpCommandAloneIsTheRootHelp() {
        assertRun(cli.run("help"), status: 0, stdout: cli.run("--help").stdout)
    }

    func testHelpExitCodesIsATopic() {
        let result = cli.run("help exit-codes")
        assertRun(result, status: 0, stdout: HelpTopic.exitCodes.text)
        XCTAssertTrue(result.stdout.hasPrefix("Exit codes of checkout-admin."))
    }

    func testHelpEnvironmentIsATopic() {
        let result = cli.run("help environment")
        assertRun(result, status: 0, stdout: HelpTopic.environment.text)
        XCTAssertTrue(result.stdout.contains("CHECKOUT_ADMIN_STORE"))
    }

    func testHelpForAMisspelledCommandSuggestsTheClosestName() {
        assertRun(
            cli.run("help acount"), status: 2,
            stderr: "error: no help for 'acount'\nhint: did you mean 'checkout-admin help account'?\n"
                + "hint: see 'checkout-admin --help'\n")
    }

    func testHelpForAMisspelledSubcommandSuggestsTheClosestName() {
        assertRun(
            cli.run("help account lis"), status: 2,
            stderr: "error: no help for 'account lis'\nhint: did you mean 'checkout-admin help account list'?\n"
                + "hint: see 'checkout-admin --help'\n")
    }

    func testHelpForAMisspelledTopicSuggestsTheTopic() {
        assertRun(
            cli.run("help exit-code"), status: 2,
            stderr: "error: no help for 'exit-code'\nhint: did you mean 'checkout-admin help exit-codes'?\n"
                + "hint: see 'checkout-admin --help'\n")
    }

    func testHelpForWordsBelowACommandIsAUsageError() {
        assertRun(
            cli.run("help account add extra"), status: 2,
            stderr: "error: no help for 'account add extra'\nhint: see 'checkout-admin --help'\n")
    }

    // MARK: - Version

    func testVersionPrintsTheNameAndSemanticVersion() {
        assertRun(cli.run("--version"), status: 0, stdout: BuildVersion.current.text)
    }

    func testVersionAfterACommandPrintsTheVersionWithoutRunningIt() {
        assertRun(cli.run("account add T12345678 --version"), status: 0, stdout: BuildVersion.current.text)
        XCTAssertNil(cli.storeBytes())
    }

    // MARK: - Unknown words: suggested, never corrected

    func testAbbreviatedSubcommandIsUnknownWithASuggestion() {
        assertRun(
            cli.run("account lis"), status: 2,
            stderr: "error: unknown command 'lis'\nhint: did you mean 'checkout-admin account list'?\n"
                + "hint: see 'checkout-admin account --help' for the list of commands\n")
    }

    func testUnknownCommandSuggestsTheClosestName() {
        assertRun(
            cli.run("acount list"), status: 2,
            stderr: "error: unknown command 'acount'\nhint: did you mean 'checkout-admin account'?\n"
                + "hint: see 'checkout-admin --help' for the list of commands\n")
    }

    func testUnknownCommandFarFromEveryNameGetsNoSuggestion() {
        assertRun(
            cli.run("frobnicate"), status: 2,
            stderr: "error: unknown command 'frobnicate'\nhint: see 'checkout-admin --help' for the list of commands\n")
    }

    func testMisspelledCommandIsNeverAutoCorrected() {
        assertRun(
            cli.run("acount add T12345678"), status: 2,
            stderr: "error: unknown command 'acount'\nhint: did you mean 'checkout-admin account'?\n"
                + "hint: see 'checkout-admin --help' for the list of commands\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testUnknownOptionSuggestsTheClosestName() {
        assertRun(
            cli.run("account list --jsn"), status: 2,
            stderr:
                "error: unknown option '--jsn'\nhint: did you mean '--json'?\nhint: see 'checkout-admin account list --help'\n"
        )
    }

    func testUnknownOptionSuggestsACommandOption() {
        assertRun(
            cli.run("account add T12345678 --nam Example"), status: 2,
            stderr:
                "error: unknown option '--nam'\nhint: did you mean '--name'?\nhint: see 'checkout-admin account add --help'\n"
        )
    }

    func testMisspelledOptionIsNeverAutoCorrected() {
        _ = cli.run("account add T12345678 --nam Example")
        XCTAssertNil(cli.storeBytes())
    }

    func testAbbreviatedOptionIsUnknown() {
        assertRun(
            cli.run("account add T12345678 --if-not"), status: 2,
            stderr: "error: unknown option '--if-not'\nhint: see 'checkout-admin account add --help'\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testUnknownShortOptionIsAUsageError() {
        assertRun(
            cli.run("account list -x"), status: 2,
            stderr: "error: unknown option '-x'\nhint: see 'checkout-admin account list --help'\n")
    }

    // MARK: - Arguments

    func testMissingArgumentIsAUsageError() {
        assertRun(cli.run("account add"), status: 2, stderr: "error: 'account add' needs <account>\n" + addUsage)
    }

    func testExtraArgumentIsAUsageError() {
        assertRun(
            cli.run("account add T12345678 extra"), status: 2,
            stderr: "error: unexpected argument 'extra' for 'account add'\n" + addUsage)
        XCTAssertNil(cli.storeBytes())
    }

    func testArgumentToACommandWithoutArgumentsIsAUsageError() {
        assertRun(
            cli.run("account list T12345678"), status: 2,
            stderr:
                "error: unexpected argument 'T12345678' for 'account list'\nhint: usage: checkout-admin account list\n")
    }

    func testOptionalArgumentMayBeLeftOut() throws {
        let parsed = try parseRun(["settings", "show", "T12345678"])
        XCTAssertNil(parsed.optionalArgument("key"))
    }

    func testOneOrMoreArgumentTakesEveryRemainingWord() throws {
        let parsed = try parseRun(["settings", "unset", "T12345678", "website", "email", "country"])
        XCTAssertEqual(parsed.arguments("key"), ["website", "email", "country"])
    }

    func testOneOrMoreArgumentNeedsAWord() {
        assertRun(
            cli.run("settings unset T12345678"), status: 2,
            stderr:
                "error: 'settings unset' needs <key>…\nhint: usage: checkout-admin settings unset <account> <key>…\n")
    }

    func testNoCommandIsAUsageError() {
        assertRun(
            cli.run([]), status: 2,
            stderr: "error: no command given\nhint: see 'checkout-admin --help' for the list of commands\n")
    }

    func testOnlyGlobalOptionsIsAUsageError() {
        assertRun(
            cli.run("--quiet"), status: 2,
            stderr: "error: no command given\nhint: see 'checkout-admin --help' for the list of commands\n")
    }

    func testGroupWithoutSubcommandNamesTheSubcommands() {
        assertRun(
            cli.run("account"), status: 2,
            stderr: "error: 'account' needs a subcommand: add, export, import, list, remove, show\n"
                + "hint: see 'checkout-admin account --help'\n")
    }

    // MARK: - Bytes of the arguments

    func testInvalidUTF8ArgumentIsAUsageError() {
        assertRun(
            runRaw([Array("account".utf8), Array("show".utf8), [0x54, 0xFF, 0x31]]), status: 2,
            stderr: "error: argument 3 is not valid UTF-8 text\nhint: arguments must be UTF-8 without NUL bytes\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testOverlongUTF8EncodingIsInvalid() {
        assertRun(
            runRaw([Array("account".utf8), Array("add".utf8), [0xC0, 0xAF]]), status: 2,
            stderr: "error: argument 3 is not valid UTF-8 text\nhint: arguments must be UTF-8 without NUL bytes\n")
    }

    func testNULByteInAnArgumentIsAUsageError() {
        assertRun(
            runRaw([Array("account".utf8), Array("add".utf8), Array("T1234\u{0}5678".utf8)]), status: 2,
            stderr: "error: argument 3 contains a NUL byte\nhint: arguments must be UTF-8 without NUL bytes\n")
        XCTAssertNil(cli.storeBytes())
    }

    func testValidUTF8ArgumentsRunTheCommand() {
        assertRun(
            runRaw([Array("account".utf8), Array("add".utf8), Array("T12345678".utf8), Array("--name=Café Ø".utf8)]),
            status: 0, stderr: "+ account T12345678\n+ settings T12345678 name: 'Café Ø'\n" + merchantIncomplete())
    }

    func testInvalidUTF8WithJSONIsReportedAsOneJSONObject() {
        assertRun(
            runRaw([Array("--json".utf8), Array("account".utf8), [0xFF]]), status: 2,
            stderr:
                #"{"error":{"code":"usage","exit_code":2,"hint":"arguments must be UTF-8 without NUL bytes","message":"argument 3 is not valid UTF-8 text"}}"#
                + "\n")
    }

    // MARK: - Usage errors with --json

    func testUsageErrorWithJSONIsOneJSONObjectLineOnStderr() throws {
        let result = cli.run("--json account lis")
        assertRun(
            result, status: 2,
            stderr: #"{"error":{"code":"usage","exit_code":2,"hint":"did you mean 'checkout-admin account list'?; "#
                + #"see 'checkout-admin account --help' for the list of commands","message":"unknown command 'lis'"}}"#
                + "\n")
        let object = try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any]
        XCTAssertEqual(object?.keys.sorted(), ["error"])
    }

    func testUsageErrorWithJSONAfterTheCommandIsJSON() {
        assertRun(
            cli.run("account add --json"), status: 2,
            stderr:
                #"{"error":{"code":"usage","exit_code":2,"hint":"usage: checkout-admin account add <account> [--name TEXT] [--if-not-exists]","message":"'account add' needs <account>"}}"#
                + "\n")
    }

    func testUsageErrorWithoutAHintHasANullHintInJSON() {
        assertRun(
            cli.run("account list --json --quiet=1"), status: 2,
            stderr: #"{"error":{"code":"usage","exit_code":2,"hint":null,"message":"option '--quiet' takes no value"}}"#
                + "\n")
    }

    func testUsageErrorWithJSONNegatedIsText() {
        assertRun(
            cli.run("--json account lis --no-json"), status: 2,
            stderr: "error: unknown command 'lis'\nhint: did you mean 'checkout-admin account list'?\n"
                + "hint: see 'checkout-admin account --help' for the list of commands\n")
    }

    func testUsageErrorWithJSONAfterDoubleDashIsText() {
        assertRun(
            cli.run("account list -- --json"), status: 2,
            stderr: "error: unexpected argument '--json' for 'account list'\nhint: usage: checkout-admin account list\n"
        )
    }

    // MARK: - Helpers

    private func parseRun(_ words: [String], file: StaticString = #filePath, line: UInt = #line) throws
        -> ParsedArguments
    {
        let result = try CommandLineParser(registry: Commands.registry).parse(words)
        guard case .run(_, let parsed) = result else {
            XCTFail("expected a command to run for \(words), got \(result)", file: file, line: line)
            throw UsageError(message: "not a run")
        }
        return parsed
    }

    private func help(_ path: [String]) -> String {
        HelpRenderer(registry: Commands.registry).help(for: path) ?? "<no help for \(path)>"
    }

    private func runRaw(_ arguments: [[UInt8]]) -> RunResult {
        let output = CapturedOutput()
        let errors = CapturedOutput()
        let status = CheckoutAdmin.run(
            rawArguments: arguments, environment: cli.environment,
            streams: Streams(output: output, errors: errors, input: ProvidedInput()))
        return RunResult(status: status, stdout: output.text, stderr: errors.text)
    }
}
