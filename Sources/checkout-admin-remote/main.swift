import CheckoutApp

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// checkout-admin executes this helper for pull, diff and push (like git's remote helpers): the same command
// tables, argv and environment, plus the connector that talks HTTP. Only this binary links AsyncHTTPClient.
exit(CheckoutAdmin.runProcess(remote: .connector(DinteroConnector())))
