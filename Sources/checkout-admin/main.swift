import CheckoutApp

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Everything lives in the app target, which tests drive in-process; this file only hands over the process.
exit(CheckoutAdmin.runProcess())
