using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Web;
using Qedu.Organisation.Features.Accounts;

namespace Qedu.Cli.Accounts;

/// <summary>
/// <c>qedu accounts create</c> and <c>qedu accounts reset</c>: the first administrator of a new installation (which has
/// no default accounts), and the way back in for one who lost their password or second factor. Both run on the
/// server as the system, through the same use cases as the account pages, and print a one-time password the person
/// must replace at their first sign-in. Every step is audited as "cli:accounts-…".
/// </summary>
internal static class AccountsCommand
{
    public static Command Create() => new("accounts", "Accounts: the first administrator, and a way back in for a locked-out one") { CreateAccount(), Reset() };

    private static Command CreateAccount()
    {
        var user = new Option<string>("--user") { Description = "User name (letters, digits, - . _ @)", Required = true };
        var name = new Option<string>("--name") { Description = "The person's name", Required = true };
        var role = new Option<string>("--role") { Description = "Role, e.g. CityAdmin, DistrictAdmin, SchoolAdmin, Auditor", Required = true };
        var scope = new Option<string>("--scope") { Description = "Code of the org unit the role covers, e.g. 370200", Required = true };
        var home = new Option<string?>("--home") { Description = "Code of the unit the person works in (default: the scope)" };
        var staff = new Option<string?>("--staff-number") { Description = "The person's 教职工号 (a teacher sees the classes it heads or teaches)" };
        var db = DbOption.Create();
        var command = new Command("create", "Create an account with one role and print a one-time password") { user, name, role, scope, home, staff, db };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "accounts-create");
            await using var request = services.CreateAsyncScope();
            var password = OneTimePassword();
            var outcome = await request.ServiceProvider.GetRequiredService<AccountCommands>().CreateAsync(new AccountInput
            {
                UserName = parse.GetValue(user),
                DisplayName = parse.GetValue(name),
                Role = parse.GetValue(role),
                ScopeCode = parse.GetValue(scope),
                HomeOrgCode = parse.GetValue(home) ?? parse.GetValue(scope),
                StaffNumber = parse.GetValue(staff),
                Password = password,
            }, ct);
            if (!outcome.IsOk)
            {
                await WriteProblemsAsync(parse.InvocationConfiguration.Error, outcome.Errors, outcome.Message);
                return ExitCodes.BadInput;
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Created {parse.GetValue(user)} ({parse.GetValue(role)} at {parse.GetValue(scope)}).\n" +
                $"One-time password: {password}\n" +
                "Give it to the person in person; they choose their own at their first sign-in (and enrol a second factor where their role requires one).");
            return ExitCodes.Done;
        });
        return command;
    }

    private static Command Reset()
    {
        var user = new Option<string>("--user") { Description = "User name", Required = true };
        var twoFactor = new Option<bool>("--two-factor") { Description = "Also remove the second factor (a lost phone and lost recovery codes)" };
        var db = DbOption.Create();
        var command = new Command("reset", "Give an account a one-time password, lift its sign-in locks and end its sessions") { user, twoFactor, db };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), "accounts-reset");
            await using var request = services.CreateAsyncScope();
            var account = await request.ServiceProvider.GetRequiredService<UserManager<QeduUser>>().FindByNameAsync(parse.GetValue(user)!);
            if (account is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"qedu: no account named {parse.GetValue(user)}");
                return ExitCodes.BadInput;
            }
            var commands = request.ServiceProvider.GetRequiredService<AccountCommands>();
            var password = OneTimePassword();
            var reset = await commands.ResetPasswordAsync(account.Id, password, ct);
            if (!reset.IsOk)
            {
                await WriteProblemsAsync(parse.InvocationConfiguration.Error, reset.Errors, reset.Message);
                return ExitCodes.BadInput;
            }
            await commands.UnlockAsync(account.Id, ct);
            if (parse.GetValue(twoFactor))
            {
                await commands.ResetTwoFactorAsync(account.Id, ct);
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Reset {account.UserName}: every session ended, sign-in locks lifted{(parse.GetValue(twoFactor) ? ", second factor removed" : "")}.\n" +
                $"One-time password: {password}\n" +
                "They choose their own at their next sign-in.");
            return ExitCodes.Done;
        });
        return command;
    }

    /// <summary>Twenty random characters in groups of five (about 100 bits), easy to read out and type.</summary>
    private static string OneTimePassword()
    {
        var chars = RandomNumberGenerator.GetItems<char>("abcdefghjkmnpqrstuvwxyz23456789", 20);
        return string.Join('-', Enumerable.Range(0, 4).Select(i => new string(chars, i * 5, 5)));
    }

    private static async Task WriteProblemsAsync(TextWriter error, InputErrors? errors, string? message)
    {
        if (message is not null)
        {
            await error.WriteLineAsync($"qedu: {message}");
        }
        foreach (var (field, messages) in errors?.ByField ?? new Dictionary<string, List<string>>())
        {
            foreach (var m in messages)
            {
                await error.WriteLineAsync($"qedu: --{Option(field)}: {m}");
            }
        }
    }

    private static string Option(string field) => field switch
    {
        "userName" => "user",
        "displayName" => "name",
        "homeOrgCode" => "home",
        "scopeCode" => "scope",
        _ => field,
    };
}
