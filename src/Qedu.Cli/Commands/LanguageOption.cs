using System.CommandLine;
using System.Globalization;

namespace Qedu.Cli.Commands;

/// <summary><c>--lang zh|en</c>: the language of a command's messages to people (reports naming rows and fields); Chinese by default.</summary>
internal static class LanguageOption
{
    public static Option<string> Create() => new("--lang") { Description = "Language of messages: zh (default) or en", DefaultValueFactory = _ => "zh" };

    /// <summary>Makes <paramref name="language"/> the culture the messages are looked up in.</summary>
    public static void Use(string? language) =>
        CultureInfo.CurrentUICulture = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? new CultureInfo("en") : new CultureInfo("zh-CN");
}
