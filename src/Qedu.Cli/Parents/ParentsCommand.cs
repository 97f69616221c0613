using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Commands;
using Qedu.Cli.Hosting;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Identity;

namespace Qedu.Cli.Parents;

/// <summary>
/// <c>qedu parents disable|enable --phone N</c>: a bureau stops a parent account that is misused (or a number that
/// changed hands) and lifts that again. Disabling ends the account's sessions at once; its holder is told at the next
/// right code that the account is disabled. Audited as a change of the account, by "cli:parents-…".
/// </summary>
internal static class ParentsCommand
{
    public static Command Create() => new("parents", "Parents' accounts (sign-in by phone number and a texted code)") { Set(disable: true), Set(disable: false) };

    private static Command Set(bool disable)
    {
        var phone = new Option<string>("--phone") { Description = "The account's mobile number (11 digits)", Required = true };
        var db = DbOption.Create();
        var name = disable ? "disable" : "enable";
        var command = new Command(name, disable
            ? "Disable a parent account: its sessions end and it cannot sign in"
            : "Enable a disabled parent account again") { phone, db };
        command.SetAction(async (parse, ct) =>
        {
            var number = MobilePhone.Normalize(parse.GetValue(phone));
            if (number is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"qedu: --phone: '{parse.GetValue(phone)}' is not a mainland mobile number (11 digits, 13 to 19 first)");
                return ExitCodes.BadInput;
            }
            await using var services = CliServices.Build(CliServices.Resolve(parse.GetValue(db)), $"parents-{name}");
            await using var request = services.CreateAsyncScope();
            if (!await request.ServiceProvider.GetRequiredService<ParentAccounts>().SetDisabledAsync(number, disable, ct))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"qedu: --phone: no parent account has the number {MobilePhone.Mask(number)}");
                return ExitCodes.BadInput;
            }
            await parse.InvocationConfiguration.Output.WriteLineAsync(disable
                ? $"Disabled the parent account of {MobilePhone.Mask(number)}: its sessions have ended and it cannot sign in."
                : $"Enabled the parent account of {MobilePhone.Mask(number)}: it can sign in again.");
            return ExitCodes.Done;
        });
        return command;
    }
}
