namespace Qedu.Kernel.Codes;

public enum SchoolIdentifierError
{
    None,
    Format,
    Category,
    Province,
    CategoryMismatch,
}

/// <summary>
/// 学校(机构)标识码: 10 digits = 2-digit 学校类别 + 2-digit province code + 6-digit sequence
/// (《学校(机构)代码管理办法》, 2011). The category must agree with the school's 办学类型.
/// </summary>
public static class SchoolIdentifier
{
    public static SchoolIdentifierError Validate(string? code, CodeBook codes, string? schoolTypeCode = null)
    {
        if (code is null || code.Length != 10 || !code.All(char.IsAsciiDigit))
        {
            return SchoolIdentifierError.Format;
        }
        var category = code[..2];
        if (codes.Find(CodeLists.SchoolCategory, category, anyDate: true) is null)
        {
            return SchoolIdentifierError.Category;
        }
        if (codes.Find(CodeLists.Division, string.Concat(code.AsSpan(2, 2), "0000"), anyDate: true) is null)
        {
            return SchoolIdentifierError.Province;
        }
        if (schoolTypeCode is not null)
        {
            var type = codes.Find(CodeLists.SchoolType, schoolTypeCode, anyDate: true);
            if (type is not null && type.ParentCode != category)
            {
                return SchoolIdentifierError.CategoryMismatch;
            }
        }
        return SchoolIdentifierError.None;
    }
}
