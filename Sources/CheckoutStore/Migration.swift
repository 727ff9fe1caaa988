/// One schema step: SQL, and work done in Swift where SQL alone cannot move the data, run in order in the step's
/// transaction. Building the reference schema runs the same parts on an empty database.
package struct Migration: Sendable {
    /// A part of a step.
    package enum Part: Sendable {
        /// Statements run as they are.
        case sql(String)
        /// Data moved in Swift, between the SQL that makes room for it and the SQL that drops what it replaced.
        case transform(@Sendable (Database) throws -> Void)
    }

    /// The parts, in order.
    package let parts: [Part]

    /// A step of `parts`.
    package init(_ parts: Part...) {
        self.parts = parts
    }

    /// Runs every part on `database` (inside the caller's transaction).
    package func run(on database: Database) throws {
        for part in parts {
            switch part {
            case .sql(let statements): try database.execute(statements)
            case .transform(let move): try move(database)
            }
        }
    }
}
