using System.Globalization;
using System.Resources;
using Qedu.Registry.Exchange;

namespace Qedu.Registry.Mirror;

/// <summary>The mirror's messages (MirrorText.resx: Chinese; MirrorText.en.resx: English).</summary>
public static class MirrorText
{
    private static readonly ResourceManager Resources = new(typeof(MirrorText).FullName!, typeof(MirrorText).Assembly);

    public static string Format(CultureInfo culture, string key, params object[] args) => Bilingual.Format(Resources, culture, key, args);

    /// <summary>Chinese, then English (see <see cref="Bilingual"/>).</summary>
    public static string Both(string key, params object[] args) => Bilingual.Both(Resources, key, args);
}
