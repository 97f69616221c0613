using System.Globalization;
using System.Resources;

namespace Qedu.Registry.Exchange;

/// <summary>
/// Messages for the command line and jobs, where no request says which language the reader wants: Chinese first, then
/// English, so an operator on either side can act on them.
/// </summary>
public static class Bilingual
{
    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly CultureInfo English = new("en");

    /// <summary>The message of <paramref name="resources"/> in one language.</summary>
    public static string Format(ResourceManager resources, CultureInfo culture, string key, params object[] args) =>
        string.Format(culture, resources.GetString(key, culture) ?? key, args);

    public static string Both(ResourceManager resources, string key, params object[] args) =>
        $"{Format(resources, Chinese, key, args)}{Environment.NewLine}{Format(resources, English, key, args)}";
}
