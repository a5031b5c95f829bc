import OTLintCore
import XCTest

@testable import OTLintSwiftRules

/// OTL402 on identifiers other than `id`: record numbers, SKUs, keys, e-mail addresses and paths.
final class SpanNameRuleTests: XCTestCase {
    func testRecordNumbersSKUsKeysAndAddressesInSpanNames() {
        let source = """
        import Tracing
        func f(order: Order, transaction: Transaction, item: Item, invoiceNo: String, user: User) async {
            await withSpan("Transaction(\\(transaction.number))") { _ in }
            await withSpan("order \\(order.orderNumber)") { _ in }
            await withSpan("invoice-\\(invoiceNo)") { _ in }
            await withSpan("price \\(item.sku)") { _ in }
            await withSpan("cache " + cacheKey) { _ in }
            await withSpan("notify \\(recipient.emailAddress)") { _ in }
            await withSpan("read \\(file.path)") { _ in }
        }
        """
        let found = analyzeSwift(source).with("OTL402")
        XCTAssertEqual(found.map(\.location.start.line), [3, 4, 5, 6, 7, 8, 9])
        XCTAssertEqual(found.map(\.location.start.column), [35, 29, 31, 29, 31, 30, 28])
        XCTAssertEqual(found.first?.message,
                       "span name includes `transaction.number` (transaction number): every distinct value creates a new span name")
    }

    func testNumbersThatCountBoundedThingsAreNotIdentifiers() {
        let source = """
        import Tracing
        func f(attempt: Attempt, page: Page, version: Version, lineNumber: Int, number: Int) async {
            await withSpan("attempt \\(attempt.number)") { _ in }
            await withSpan("page \\(page.number)") { _ in }
            await withSpan("v\\(version.number)") { _ in }
            await withSpan("line \\(lineNumber)") { _ in }
            await withSpan("step \\(number)") { _ in }
            await withSpan("order-status \\(order.status)") { _ in }
        }
        """
        let names = analyzeSwift(source).map(\.ruleID)
        XCTAssertFalse(names.contains("OTL402"), "\(names)")
        XCTAssertEqual(analyzeSwift(source.replacingOccurrences(of: "lineNumber)", with: "orderNumber)")).with("OTL402").count, 1,
                       "the same file with a record number is reported: the quiet verdicts above are the rule's, not a parse failure")
    }

    func testRecordNumbersAreUnboundedMetricDimensionsToo() {
        let source = """
        import Metrics
        func f(order: Order) {
            Counter(label: "orders", dimensions: [("order", order.number)]).increment()
        }
        """
        let found = analyzeSwift(source).with("OTL406")
        XCTAssertEqual(found.map(\.location.start.line), [3])
    }
}
