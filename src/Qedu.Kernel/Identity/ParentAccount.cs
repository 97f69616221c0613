using Qedu.Kernel.Audit;

namespace Qedu.Kernel.Identity;

/// <summary>
/// A parent (or another member of the public) who signs in by mobile number and a one-time code. A separate kind of
/// account from staff (<see cref="QeduUser"/>): its own table, no password, no role and no org unit, so no staff grant
/// can ever reach it. Made on the first verified code for a number (<see cref="ParentAccounts"/>); the number is the
/// identity, one account per number.
/// </summary>
public sealed class ParentAccount
{
    public Guid Id { get; set; }

    /// <summary>The 11-digit mobile number (<see cref="Codes.MobilePhone.Normalize"/>); unique.</summary>
    public required string Phone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last successful sign-in (kept without an audit line of its own: the sign-in has one, <c>parent.sign-in</c>).</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>
    /// The generation of the account's sessions: a sign-in cookie carries the value it was issued under and is worthless
    /// once this moves on. Signing out moves it (ending the account's sessions on every device, so a copied cookie does not
    /// outlive the sign-out), and so does disabling.
    /// </summary>
    public int SessionVersion { get; set; }

    /// <summary>
    /// When the sessions last changed (signed out, disabled, enabled), in real time: the other nodes ask for recent ones
    /// to forget the sessions they remember (<see cref="ParentSessionMemory"/>). Null until the first change.
    /// </summary>
    public DateTimeOffset? SessionsChangedAt { get; set; }

    /// <summary>A disabled account cannot sign in (a right code is refused with a message) and its open sessions end.</summary>
    [AuditedValue]
    public bool Disabled { get; set; }
}
