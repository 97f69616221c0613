using System.Globalization;
using System.Resources;

namespace Qedu.Registry.Features.Mirror;

/// <summary>Marker for the mirror's messages (MirrorText.resx: Chinese; MirrorText.en.resx: English).</summary>
public sealed class MirrorText
{
    private static readonly ResourceManager Resources = new(typeof(MirrorText).FullName!, typeof(MirrorText).Assembly);
    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly CultureInfo English = new("en");

    private MirrorText()
    {
    }

    /// <summary>The message in one language.</summary>
    public static string Format(CultureInfo culture, string key, params object[] args) =>
        string.Format(culture, Resources.GetString(key, culture) ?? key, args);

    /// <summary>
    /// Chinese first, then English: the mirror runs from the command line and in jobs, where no request says which
    /// language its reader wants, and an operator on either side must be able to act on the message.
    /// </summary>
    public static string Both(string key, params object[] args) =>
        $"{Format(Chinese, key, args)}{Environment.NewLine}{Format(English, key, args)}";
}
