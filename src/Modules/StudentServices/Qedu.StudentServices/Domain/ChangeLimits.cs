namespace Qedu.StudentServices.Domain;

/// <summary>
/// The limits each kind starts with, in working days. Transfers: 《中小学生学籍管理办法》 (教基一〔2013〕7号) art. 14 — the
/// sending school and the education bureaus of both schools complete the transfer within 10 working days. 休学 and 复学
/// have no national limit: 10 is the bureau's own; the promised (承诺) limits are the bureau's commitment. The bureau
/// edits them as data; a running change keeps the limits it started with.
/// </summary>
internal static class ChangeLimits
{
    public static readonly ChangeLimit[] Defaults =
    [
        new() { Kind = ChangeKind.Transfer, LegalDays = 10, PromisedDays = 5 },
        new() { Kind = ChangeKind.TransferOut, LegalDays = 10, PromisedDays = 5 },
        new() { Kind = ChangeKind.Suspension, LegalDays = 10, PromisedDays = 3 },
        new() { Kind = ChangeKind.Resumption, LegalDays = 10, PromisedDays = 3 },
    ];
}
