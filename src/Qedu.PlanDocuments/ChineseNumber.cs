namespace Qedu.PlanDocuments;

/// <summary>Chinese numerals as plan documents print them: 一 … 十, 十一, 二十三, 一百, 两.</summary>
public static class ChineseNumber
{
    private const string Digits = "零一二三四五六七八九";

    public static bool IsNumeral(char c) => Digits.Contains(c) || c is '十' or '百' or '千' or '万' or '两' or '〇';

    /// <summary>The value of a numeral such as "二十三", or null when it is not one.</summary>
    public static int? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        long total = 0, section = 0, digit = 0;
        foreach (var c in text)
        {
            int d = c switch { '两' => 2, '〇' => 0, _ => Digits.IndexOf(c) };
            if (d >= 0)
            {
                digit = d;
                continue;
            }
            long unit = c switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => -1 };
            if (unit < 0)
            {
                return null;
            }
            if (unit == 10000)
            {
                total = (total + section + digit) * unit;
                section = digit = 0;
                continue;
            }
            section += (digit == 0 ? 1 : digit) * unit; // "十一" is 11: a leading 十 means 一十
            digit = 0;
        }
        return (int)(total + section + digit);
    }

    /// <summary>A printed number, Arabic or Chinese, as an int ("12", "十二"), or null.</summary>
    public static int? ParseAny(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : Parse(text);
}
