namespace Qedu.Cli.Hosting;

/// <summary>
/// What <c>qedu</c> answers, the same for every command: scripts and other tools check these, so they are a contract
/// (README and docs/ARCHITECTURE.md).
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did its work.</summary>
    public const int Done = 0;

    /// <summary>A check found something wrong: pending migrations, a broken audit log.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input: arguments, options, files (the message names the file, row and field).</summary>
    public const int BadInput = 2;

    /// <summary>The work could not be done at all: the database unreachable, a bad <c>--db</c>.</summary>
    public const int Failed = 3;
}
