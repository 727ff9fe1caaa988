#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CheckoutAdminKit

// Everything lives in the kit, which tests drive in-process; this file only hands over the process.
exit(CheckoutAdmin.runProcess())
