import Foundation
import XCTest

@testable import CheckoutApp
@testable import CheckoutDomain
@testable import CheckoutFormats
@testable import CheckoutStore

/// `checkout-admin __complete <words…>`, the hidden command the completion scripts call, run in-process:
/// the last word is the one under the cursor; one candidate per line, `:files` for file names.
final class CompleterTests: CLITestCase {
    private static let globalOptions = [
        "--store", "--json", "--no-json", "--quiet", "--no-quiet", "--no-color", "--actor",
        "--lock-timeout", "--help", "--version",
    ]
    private static let topLevel = [
        "account", "apply", "audit", "clicktopay", "completion", "diff", "dump", "history", "init", "method",
        "profile", "pull", "push", "settings", "store", "help",
    ]

    // MARK: - Commands and subcommands

    func testNoWordsOfferTheTopLevelCommands() {
        XCTAssertEqual(candidates(), Self.topLevel)
    }

    func testEmptyWordOffersTheTopLevelCommandsAndHelp() {
        XCTAssertEqual(candidates(""), Self.topLevel)
    }

    func testTopLevelCommandsAreFilteredByThePrefix() {
        XCTAssertEqual(candidates("pro"), ["profile"])
    }

    func testHiddenCompleteCommandIsNeverOffered() {
        XCTAssertEqual(candidates("__"), [])
    }

    func testGroupOffersItsSubcommands() {
        XCTAssertEqual(
            candidates("profile", ""),
            [
                "add", "add-method", "export", "import", "list", "remove", "remove-method", "set", "set-option", "show",
                "unset-option",
            ])
    }

    func testSubcommandsAreFilteredByThePrefix() {
        XCTAssertEqual(candidates("method", "e"), ["enable"])
    }

    func testUnknownCommandOffersNothingAfterIt() {
        XCTAssertEqual(candidates("acount", ""), [])
    }

    func testGlobalOptionBeforeTheCommandDoesNotHideTheCommands() {
        XCTAssertEqual(candidates("--json", "st"), ["store"])
    }

    func testHelpOffersCommandsAndTopics() {
        XCTAssertEqual(candidates("help", ""), Self.topLevel.dropLast() + ["exit-codes", "environment", "audit-rules"])
    }

    func testHelpOffersSubcommandsOfAGroup() {
        XCTAssertEqual(candidates("help", "clicktopay", ""), ["disable", "enable", "status"])
    }

    func testHelpForACommandOffersNoArguments() {
        makeCardAccount()
        XCTAssertEqual(candidates("help", "account", "show", ""), [])
    }

    func testHelpOffersTheManOption() {
        XCTAssertEqual(candidates("help", "--m"), ["--man"])
    }

    // MARK: - Options

    func testOptionsAtTopLevelAreTheGlobalOptions() {
        XCTAssertEqual(candidates("--"), Self.globalOptions)
    }

    func testOptionsOfACommandIncludeItsOwnWithTheirNegations() {
        XCTAssertEqual(
            candidates("account", "add", "T12345678", "--"),
            Self.globalOptions + ["--name", "--if-not-exists", "--no-if-not-exists"])
    }

    func testNegatedOptionsAreFilteredByThePrefix() {
        XCTAssertEqual(
            candidates("profile", "add", "T12345678", "web", "--no-"),
            ["--no-json", "--no-quiet", "--no-color", "--no-all-active", "--no-auto-capture", "--no-if-not-exists"])
    }

    func testSingleDashOffersTheLongOptions() {
        XCTAssertEqual(candidates("method", "disable", "-"), Self.globalOptions + ["--force", "--no-force"])
    }

    func testDoubleDashEndsOptionCompletion() {
        XCTAssertEqual(candidates("apply", "--", "--"), [":files"])
    }

    func testValueOptionWithoutKnownValuesOffersNothing() {
        makeCardAccount()
        XCTAssertEqual(candidates("account", "add", "T87654321", "--name", ""), [])
    }

    func testWordAfterAValueOptionIsNotAPositional() {
        makeCardAccount()
        XCTAssertEqual(candidates("history", "--limit", "5", ""), ["T12345678"])
    }

    func testWordAfterAFlagIsAPositional() {
        makeCardAccount()
        XCTAssertEqual(candidates("account", "show", "--json", ""), ["T12345678"])
    }

    // MARK: - Option values

    func testCurrencyOptionOffersCurrencyCodes() {
        XCTAssertEqual(
            candidates("method", "enable", "T12345678", "dintero_psp.creditcard", "--currency", "NO"), ["NOK"])
    }

    func testCurrencyOptionOffersEveryPaymentCurrencySorted() {
        let offered = candidates("clicktopay", "enable", "T12345678", "--currency", "")
        XCTAssertEqual(offered.count, 164)
        XCTAssertEqual(offered, offered.sorted())
        XCTAssertEqual(offered.filter { $0.hasPrefix("X") }, ["XAF", "XCD", "XCG", "XOF", "XPF"])
        XCTAssertEqual(
            offered.filter { ["EUR", "NOK", "SEK", "DKK", "USD"].contains($0) }, ["DKK", "EUR", "NOK", "SEK", "USD"])
    }

    func testCurrencyGivenWithEqualsOffersWholeWords() {
        XCTAssertEqual(
            candidates("method", "enable", "T12345678", "dintero_psp.creditcard", "--currency=SE"), ["--currency=SEK"])
    }

    func testFlagGivenWithEqualsOffersNothing() {
        XCTAssertEqual(candidates("account", "list", "--json="), [])
    }

    func testProfileOptionOffersTheAccountsProfiles() throws {
        try makeProfiles()
        XCTAssertEqual(candidates("clicktopay", "enable", "T12345678", "--profile", ""), ["app", "web shop"])
    }

    func testProfileOptionOffersNothingForAnAccountWithoutProfiles() throws {
        try makeProfiles()
        cli.succeed("account add T87654321")
        XCTAssertEqual(candidates("clicktopay", "enable", "T87654321", "--profile", ""), [])
    }

    func testCopyFromOffersTheAccountsProfiles() throws {
        try makeProfiles()
        XCTAssertEqual(candidates("profile", "add", "T12345678", "new", "--copy-from", "w"), ["web shop"])
    }

    func testMethodOptionOffersPaymentTypes() {
        XCTAssertEqual(
            candidates("profile", "add", "T12345678", "web", "--method", "dintero_psp.c"),
            ["dintero_psp.clicktopay", "dintero_psp.creditcard"])
    }

    func testDefaultOptionOffersPaymentTypes() {
        XCTAssertEqual(candidates("profile", "add", "T12345678", "web", "--default", "vi"), ["vipps"])
    }

    func testChannelOptionOffersTheChannels() {
        XCTAssertEqual(
            candidates("profile", "add", "T12345678", "web", "--channel", ""), ["ecommerce", "in_app", "in_store"])
    }

    // MARK: - Arguments

    func testSettingsSetOffersSettingKeysWithEquals() {
        XCTAssertEqual(
            candidates("settings", "set", "T12345678", ""),
            [
                "name=", "logo_url=", "website=", "email=", "phone_number=", "country=", "merchant_category_code=",
                "platform_type=", "address_line=", "address_line_2=", "postal_code=", "postal_place=",
                "checkout_express=", "session_customer_email=",
            ])
    }

    func testSettingsSetOffersKeysForEveryPair() {
        XCTAssertEqual(
            candidates("settings", "set", "T12345678", "name=Shop", "addr"), ["address_line=", "address_line_2="])
    }

    func testFreeTextSettingValueAfterTheEqualsOffersNothing() {
        XCTAssertEqual(candidates("settings", "set", "T12345678", "name="), [])
    }

    func testBooleanSettingOffersTrueAndFalseAfterTheEquals() {
        XCTAssertEqual(
            candidates("settings", "set", "T12345678", "checkout_express="),
            ["checkout_express=true", "checkout_express=false"])
    }

    func testBooleanSettingValueIsFilteredByWhatIsTyped() {
        XCTAssertEqual(
            candidates("settings", "set", "T12345678", "session_customer_email=f"), ["session_customer_email=false"])
    }

    func testCountrySettingOffersEveryAssignedCodeSorted() {
        let offered = candidates("settings", "set", "T12345678", "country=")
        XCTAssertEqual(offered, CountryCode.assigned.sorted().map { "country=\($0)" })
        XCTAssertEqual(offered.count, 249)
        XCTAssertEqual(
            candidates("settings", "set", "T12345678", "country=N"),
            [
                "country=NA", "country=NC", "country=NE", "country=NF", "country=NG", "country=NI", "country=NL",
                "country=NO", "country=NP", "country=NR", "country=NU", "country=NZ",
            ])
    }

    func testPlatformTypeSettingOffersItsTwoValues() {
        XCTAssertEqual(
            candidates("settings", "set", "T12345678", "name=Shop", "platform_type="),
            ["platform_type=aggregator", "platform_type=marketplace"])
    }

    func testUnknownSettingKeyOffersNoValues() {
        XCTAssertEqual(candidates("settings", "set", "T12345678", "colour="), [])
    }

    func testProfileChannelFieldOffersTheChannels() {
        XCTAssertEqual(
            candidates("profile", "set", "T12345678", "web", "channel=in"), ["channel=in_app", "channel=in_store"])
    }

    func testProfileBooleanFieldOffersTrueAndFalse() {
        XCTAssertEqual(
            candidates("profile", "set", "T12345678", "web", "all_active="), ["all_active=true", "all_active=false"])
    }

    func testProfileDefaultFieldOffersTheAccountsEnabledTypes() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        XCTAssertEqual(
            candidates("profile", "set", "T12345678", "web", "default_payment_type="),
            ["default_payment_type=dintero_psp.creditcard", "default_payment_type=vipps"])
    }

    func testProfileFreeTextFieldOffersNothing() {
        XCTAssertEqual(candidates("profile", "set", "T12345678", "web", "description="), [])
    }

    func testSettingsShowOffersSettingKeysWithoutEquals() {
        XCTAssertEqual(candidates("settings", "show", "T12345678", "post"), ["postal_code", "postal_place"])
    }

    func testSettingsUnsetOffersSettingKeysForEveryArgument() {
        XCTAssertEqual(candidates("settings", "unset", "T12345678", "website", "phone"), ["phone_number"])
    }

    func testProfileSetOffersProfileFieldsWithEquals() {
        XCTAssertEqual(
            candidates("profile", "set", "T12345678", "web", ""),
            [
                "description=", "channel=", "auto_capture=", "default_payment_type=", "all_active=",
                "merchant_terms_url=",
            ])
    }

    func testMethodEnableOffersPaymentTypesAfterTheAccount() {
        makeCardAccount()
        XCTAssertEqual(
            candidates("method", "enable", "T12345678", "payex."),
            ["payex.applepay", "payex.creditcard", "payex.googlepay", "payex.mobilepay", "payex.swish", "payex.vipps"])
    }

    func testPaymentTypesLeaveOutClickToPayOfOtherGateways() {
        let offered = candidates("method", "enable", "T12345678", "")
        XCTAssertEqual(offered.filter { $0.hasSuffix(".clicktopay") }, ["dintero_psp.clicktopay"])
        XCTAssertEqual(offered, PaymentCatalogue.allowedIdentifiers)
    }

    func testProfileAddMethodWithoutAStoreOffersEveryPaymentType() {
        XCTAssertEqual(candidates("profile", "add-method", "T12345678", "web", "vipps", "swish."), ["swish.swish"])
        XCTAssertEqual(candidates("profile", "add-method", "T12345678", "web", ""), PaymentCatalogue.allowedIdentifiers)
    }

    func testProfileAddMethodOffersOnlyTheTypesTheAccountHasEnabled() {
        makeCardAccount()
        cli.succeed("method enable T12345678 vipps --currency NOK")
        cli.succeed("method enable T12345678 swish.swish --currency SEK")
        XCTAssertEqual(
            candidates("profile", "add-method", "T12345678", "web", ""),
            ["dintero_psp.creditcard", "swish.swish", "vipps"])
        XCTAssertEqual(candidates("profile", "add-method", "T12345678", "web", "vipps", "s"), ["swish.swish"])
    }

    func testProfileAddMethodForAnAccountTheStoreLacksOffersEveryPaymentType() {
        makeCardAccount()
        XCTAssertEqual(candidates("profile", "add-method", "T87654321", "web", ""), PaymentCatalogue.allowedIdentifiers)
    }

    func testCommandWithoutArgumentsOffersNothing() {
        makeCardAccount()
        XCTAssertEqual(candidates("method", "types", ""), [])
    }

    func testCommandWithAllArgumentsGivenOffersNothing() {
        makeCardAccount()
        XCTAssertEqual(candidates("history", "T12345678", ""), [])
    }

    func testCompletionOffersTheShells() {
        XCTAssertEqual(candidates("completion", ""), ["bash", "fish", "zsh"])
    }

    // MARK: - Ids from the store

    func testAccountIdsComeFromTheStore() {
        makeCardAccount()
        cli.succeed("account add P87654321")
        XCTAssertEqual(candidates("account", "show", ""), ["P87654321", "T12345678"])
    }

    func testAccountIdsAreFilteredByThePrefix() {
        makeCardAccount()
        cli.succeed("account add P87654321")
        XCTAssertEqual(candidates("method", "enable", "T"), ["T12345678"])
    }

    func testVariadicAccountArgumentsOfferAccountsForEveryWord() {
        makeCardAccount()
        cli.succeed("account add P87654321")
        XCTAssertEqual(candidates("audit", "T12345678", "P"), ["P87654321"])
    }

    func testProfileIdsComeFromTheStore() throws {
        try makeProfiles()
        XCTAssertEqual(candidates("profile", "show", "T12345678", ""), ["app", "web shop"])
    }

    func testProfileIdsOfAMissingAccountAreNone() throws {
        try makeProfiles()
        XCTAssertEqual(candidates("profile", "show", "T87654321", ""), [])
    }

    func testProfileExportOffersProfilesForEveryWord() throws {
        try makeProfiles()
        XCTAssertEqual(candidates("profile", "export", "T12345678", "app", "w"), ["web shop"])
    }

    func testStoreOptionChoosesTheStoreRead() {
        makeCardAccount()
        let other = "\(cli.directory)/other.sqlite"
        XCTAssertEqual(cli.run(["--store", other, "account", "add", "P11111111"]).status, 0)
        XCTAssertEqual(candidates("--store", other, "account", "show", ""), ["P11111111"])
    }

    func testStoreOptionWithEqualsChoosesTheStoreRead() {
        makeCardAccount()
        let other = "\(cli.directory)/other.sqlite"
        XCTAssertEqual(cli.run(["--store", other, "account", "add", "P11111111"]).status, 0)
        XCTAssertEqual(candidates("account", "show", "--store=\(other)", ""), ["P11111111"])
    }

    func testMissingStoreOffersNoIds() {
        XCTAssertEqual(candidates("account", "show", ""), [])
    }

    func testForeignFileOffersNoIdsAndNoError() {
        _ = cli.file("store.sqlite", "not a database")
        assertRun(cli.run(["__complete", "account", "show", ""]), status: 0)
    }

    func testIdsAreReadWhileAWriterHoldsTheLock() throws {
        makeCardAccount()
        let writer = try cli.database()
        try writer.execute("BEGIN IMMEDIATE; INSERT INTO account (id) SELECT 'T99999999' WHERE 0;")
        defer { try? writer.execute("ROLLBACK") }
        let started = Date()
        XCTAssertEqual(candidates("account", "show", ""), ["T12345678"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "completion waited for the writer's lock")
    }

    // MARK: - Read-only

    func testCompletingFromAMissingStoreCreatesNothing() {
        let folder = "\(cli.directory)/data"
        cli.environment["CHECKOUT_ADMIN_STORE"] = "\(folder)/store.sqlite"
        XCTAssertEqual(candidates("profile", "show", "T12345678", ""), [])
        XCTAssertFalse(StoreTestSupport.exists(folder), "completion created the store's folder")
    }

    func testCompletingFromAStoreLeavesItsBytesUnchanged() throws {
        try makeProfiles()
        let before = try XCTUnwrap(cli.storeBytes())
        let entries = StoreTestSupport.entries(of: cli.directory)
        XCTAssertEqual(candidates("profile", "show", "T12345678", ""), ["app", "web shop"])
        XCTAssertEqual(cli.storeBytes(), before)
        XCTAssertEqual(StoreTestSupport.entries(of: cli.directory), entries, "completion left files next to the store")
    }

    func testCompletingFromAnOlderStoreDoesNotUpgradeIt() throws {
        try StoreTestSupport.makeDatabase(at: cli.storePath, "PRAGMA application_id = \(Schema.applicationID);")
        let before = try XCTUnwrap(cli.storeBytes())
        XCTAssertEqual(candidates("account", "show", ""), [])
        XCTAssertEqual(cli.storeBytes(), before)
        XCTAssertEqual(try cli.rows("PRAGMA user_version"), [["0"]])
    }

    // MARK: - Files

    func testOutputOptionOffersFiles() {
        XCTAssertEqual(candidates("account", "export", "T12345678", "--output", "exp"), [":files"])
    }

    func testOutputOptionWithEqualsOffersFiles() {
        XCTAssertEqual(candidates("dump", "--output=exp"), [":files"])
    }

    func testStoreOptionOffersFiles() {
        XCTAssertEqual(candidates("--store", ""), [":files"])
    }

    func testFileArgumentOffersFiles() {
        XCTAssertEqual(candidates("apply", "sta"), [":files"])
    }

    func testProfileImportOffersFilesAfterTheAccount() {
        XCTAssertEqual(candidates("profile", "import", "T12345678", ""), [":files"])
    }

    func testStoreBackupOffersFiles() {
        XCTAssertEqual(candidates("store", "backup", ""), [":files"])
    }

    // MARK: - Helpers

    /// The candidates `__complete <words…>` prints; fails the test unless it exits 0 with nothing on stderr.
    private func candidates(_ words: String..., file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let result = cli.run(["__complete"] + words)
        XCTAssertEqual(result.status, 0, "status", file: file, line: line)
        XCTAssertEqual(result.stderr, "", "stderr", file: file, line: line)
        XCTAssertTrue(
            result.stdout.isEmpty || result.stdout.hasSuffix("\n"), "unterminated last line", file: file, line: line)
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// T12345678 with the card method and the profiles `app` and `web shop`.
    private func makeProfiles() throws {
        makeCardAccount()
        for profile in ["web shop", "app"] {
            XCTAssertEqual(
                cli.run(["profile", "add", "T12345678", profile, "--method", "dintero_psp.creditcard"]).status, 0)
        }
    }
}
