import CheckoutDomain
import CheckoutFormats

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The login name of the user running the process, from /etc/passwd.
package func loginName() -> String? {
    passwordEntry()?.name
}

/// The home folder of the user running the process, from /etc/passwd.
package func homeDirectory() -> String? {
    passwordEntry()?.home
}

// /etc/passwd is read directly rather than through getpwuid: the release binary is linked statically,
// and glibc's name-service lookups need shared libraries at run time. (Only reached when neither
// CHECKOUT_ADMIN_ACTOR nor USER/LOGNAME/HOME is set.)
private func passwordEntry() -> (name: String, home: String)? {
    guard let bytes = try? readFile(atPath: "/etc/passwd") else { return nil }
    let uid = String(geteuid())
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
        let fields = line.split(separator: ":", omittingEmptySubsequences: false)
        if fields.count >= 6, fields[2] == uid { return (String(fields[0]), String(fields[5])) }
    }
    return nil
}

/// A moment in UTC, rendered as RFC 3339 with seconds: `2026-11-25T12:03:44Z`.
package struct Timestamp: Equatable, Comparable, Sendable {
    /// Seconds since the Unix epoch.
    package let secondsSinceEpoch: Int

    /// Now, from the system clock.
    package static func now() -> Timestamp {
        Timestamp(secondsSinceEpoch: Int(time(nil)))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    package var rfc3339: String {
        var seconds = time_t(secondsSinceEpoch)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))T"
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))Z"
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SSZ` or with a `±HH:MM` offset; nil when malformed.
    package init?(rfc3339 text: String) {
        let bytes = Array(text.utf8)
        guard let date = Timestamp.parseDate(bytes) else { return nil }
        guard bytes.count > 10 else {
            self.init(secondsSinceEpoch: date)
            return
        }
        guard let clock = Timestamp.parseClock(bytes) else { return nil }
        self.init(secondsSinceEpoch: date + clock)
    }

    /// A timestamp from epoch seconds.
    package init(secondsSinceEpoch: Int) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    private static func parseDate(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return daysSinceEpoch(year: year, month: month, day: day) * 86_400
    }

    private static func parseClock(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]), let second = number(bytes[17..<19]),
            hour < 24, minute < 60, second < 61
        else { return nil }
        guard let offset = parseOffset(bytes[19...]) else { return nil }
        return hour * 3600 + minute * 60 + second - offset
    }

    private static func parseOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        if bytes.elementsEqual("Z".utf8) || bytes.elementsEqual("z".utf8) { return 0 }
        let text = Array(bytes)
        guard text.count == 6, text[0] == UInt8(ascii: "+") || text[0] == UInt8(ascii: "-"),
            text[3] == UInt8(ascii: ":"),
            let hours = number(text[1..<3]), let minutes = number(text[4..<6]), hours < 24, minutes < 60
        else { return nil }
        let offset = hours * 3600 + minutes * 60
        return text[0] == UInt8(ascii: "+") ? offset : -offset
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    // Howard Hinnant's days_from_civil.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
