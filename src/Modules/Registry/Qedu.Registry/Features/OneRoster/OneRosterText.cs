using System.Globalization;
using System.Resources;
using Qedu.Registry.Exchange;

namespace Qedu.Registry.Features.OneRoster;

/// <summary>The OneRoster export's messages for the command line (OneRosterText.resx: Chinese; OneRosterText.en.resx: English).</summary>
public static class OneRosterText
{
    internal static readonly ResourceManager Resources = new(typeof(OneRosterText).FullName!, typeof(OneRosterText).Assembly);

    public static string Format(CultureInfo culture, string key, params object[] args) => Bilingual.Format(Resources, culture, key, args);

    /// <summary>Chinese, then English (see <see cref="Bilingual"/>).</summary>
    public static string Both(string key, params object[] args) => Bilingual.Both(Resources, key, args);
}
