using System.Text.RegularExpressions;

namespace Qedu.Architecture.Tests;

/// <summary>
/// Audit lines written inside a transaction are appended as the transaction commits, by the audit interceptor that
/// every module context carries (ADR 3, amended 2026-12-05). A transaction begun or committed on the raw ADO.NET
/// connection bypasses EF Core's interceptors, so its lines would be dropped without a word: transactions are begun and
/// committed through <c>Database.BeginTransaction[Async]</c> and the <c>IDbContextTransaction</c> it returns.
/// </summary>
public sealed partial class TransactionRulesTests
{
    [GeneratedRegex(@"GetDbTransaction\(\)\s*\.\s*(Commit|Rollback)(Async)?\s*\(|\b(connection|Connection|conn)\w*\s*\.\s*BeginTransaction(Async)?\s*\(|\bGetDbConnection\(\)\s*\.\s*BeginTransaction(Async)?\s*\(")]
    private static partial Regex RawTransaction();

    /// <summary>The places in <paramref name="text"/> that begin or end a transaction on the raw connection.</summary>
    private static IEnumerable<string> Offences(string file, string text) =>
        RawTransaction().Matches(text).Select(m => $"{file}:{text[..m.Index].Count(c => c == '\n') + 1}: {m.Value}");

    [Fact]
    public void No_transaction_is_begun_or_committed_on_the_raw_connection()
    {
        var root = Solution.SourceRoot();
        var files = ScopeEscapeScanner.SourceFiles(root).ToList();
        Assert.NotEmpty(files);

        var failures = files.SelectMany(f => Offences(Path.GetRelativePath(root, f), File.ReadAllText(f))).ToList();

        Assert.True(failures.Count == 0,
            "Begin and commit transactions through Database.BeginTransaction[Async] (EF Core), so the audit lines deferred to the " +
            $"commit are appended:\n  {string.Join("\n  ", failures)}");
    }

    [Theory]
    [InlineData("await db.Database.GetDbTransaction().CommitAsync(ct);")]
    [InlineData("tx.GetDbTransaction().Rollback();")]
    [InlineData("await using var tx = await connection.BeginTransactionAsync(ct);")]
    [InlineData("var tx = db.Database.GetDbConnection().BeginTransaction();")]
    public void The_rule_sees_a_raw_transaction(string line) => Assert.Single(Offences("sample.cs", line));

    [Theory]
    [InlineData("await using var tx = await db.Database.BeginTransactionAsync(ct);")]
    [InlineData("command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();")]
    [InlineData("await tx.CommitAsync(ct);")]
    public void The_rule_lets_EF_Core_transactions_be(string line) => Assert.Empty(Offences("sample.cs", line));
}
