using Qedu.Kernel.Identity;
using Qedu.Kernel.Identity.Passwords;

namespace Qedu.Kernel.Tests.Identity;

/// <summary>Each rule of the password policy on its own, with the examples people actually choose.</summary>
public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = new(new AccountSecurityOptions().Passwords);

    private static List<string> Problems(string password, params string?[] names) => Policy.Check(password, names).Select(p => p.Code).ToList();

    [Theory]
    [InlineData("Zhanqiao#2026")] // the demo password
    [InlineData("correct horse battery staple")]
    [InlineData("海鸥在栈桥上空飞来飞去")] // eleven Chinese characters are eleven characters, one short: see below
    [InlineData("Seagulls over the pier")]
    [InlineData("tq8#Lm2!vX9z")]
    public void Good_passwords_pass(string password)
    {
        var problems = Problems(password, "teacher.zhou", "周婷");
        if (password.Length < 12)
        {
            Assert.Equal(["PasswordTooShort"], problems);
            return;
        }
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("P@ssw0rd")]
    [InlineData("Qedu#2026")]
    [InlineData("12345678")]
    public void Short_passwords_are_refused_with_the_minimum(string password)
    {
        var problem = Policy.Check(password, [])[0];
        Assert.Equal("PasswordTooShort", problem.Code);
        Assert.Equal(12, problem.Argument);
    }

    [Fact]
    public void Length_counts_characters_a_person_sees_not_bytes()
    {
        Assert.DoesNotContain("PasswordTooShort", Problems("青岛的海风吹过栈桥和小青岛"));
        Assert.Contains("PasswordTooShort", Problems("青岛的海风吹过栈桥"));
    }

    [Theory]
    [InlineData("qwertyuiop123")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("iloveyou1234")] // not on the list itself: "iloveyou" with digits after it
    public void Common_and_breached_passwords_are_refused(string password)
    {
        var problems = Problems(password);
        Assert.True(problems.Contains("PasswordCommon") || problems.Contains("PasswordCommonVariant"), string.Join(",", problems));
    }

    [Theory]
    [InlineData("P@ssw0rd2026!")]
    [InlineData("Password2026!")]
    [InlineData("2026!!Dragon##")]
    [InlineData("W0aini-1314!")]
    [InlineData("Sunshine-2026")]
    public void A_common_password_dressed_up_with_digits_symbols_or_look_alikes_is_refused(string password) =>
        Assert.Contains("PasswordCommonVariant", Problems(password));

    [Theory]
    [InlineData("123456789012")]
    [InlineData("210987654321")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abcabcabcabc")]
    [InlineData("qwertyuiopasdf")]
    [InlineData("abcdefghijklmn")]
    public void Runs_and_repetitions_are_refused(string password)
    {
        var problems = Problems(password);
        Assert.True(problems.Contains("PasswordPattern") || problems.Contains("PasswordCommon"), string.Join(",", problems));
    }

    [Theory]
    [InlineData("My Qedu password!", "qedu")]
    [InlineData("I love QINGDAO beer", "qingdao")]
    [InlineData("zhou.ting and more", "zhou.ting")]
    [InlineData("Ting is great 2026", "ting")]
    [InlineData("zhouting-forever", "zhou")]
    [InlineData("周婷的密码很长很长很长", "周婷")]
    [InlineData("hello-z4ng-z1-long", null)]
    public void The_products_and_the_persons_names_are_refused(string password, string? word)
    {
        var problem = Policy.Check(password, ["zhou.ting", "周婷"]).FirstOrDefault(p => p.Code == "PasswordContextWord");
        Assert.Equal(word, problem?.Argument as string);
    }

    [Fact]
    public void Name_parts_shorter_than_four_letters_are_too_common_inside_other_words_to_refuse() =>
        Assert.DoesNotContain("PasswordContextWord", Problems("a linen napkin by the sea", "li.na"));

    [Fact]
    public void The_user_names_parts_are_refused_when_long_enough()
    {
        var problem = Policy.Check("welcome to shinan district", ["shinan.admin", "李敏"]).Single(p => p.Code == "PasswordContextWord");
        Assert.Equal("shinan", problem.Argument);
    }

    [Fact]
    public void Composition_rules_apply_only_when_a_bureau_asks_for_them()
    {
        Assert.DoesNotContain("PasswordCharacterClasses", Problems("seagulls over the pier"));
        var strict = new PasswordPolicy(new AccountSecurityOptions.PasswordSettings { CharacterClasses = 3 });
        var problem = strict.Check("seagulls over the pier", []).Single();
        Assert.Equal(("PasswordCharacterClasses", (object?)3), (problem.Code, problem.Argument));
        Assert.Empty(strict.Check("Seagulls over the pier 9", []));
    }

    [Fact]
    public void The_common_password_list_is_the_whole_zxcvbn_list()
    {
        Assert.True(CommonPasswords.Count > 40_000, $"{CommonPasswords.Count} words");
        Assert.True(CommonPasswords.Contains("woaini1314") || CommonPasswords.Contains("5201314"));
        Assert.True(CommonPasswords.Contains("PASSWORD")); // compared in lower case
    }

    [Fact]
    public void Very_long_passwords_are_refused_with_the_maximum() =>
        Assert.Contains("PasswordTooLong", Problems(new string('x', 60) + "Seagulls over the pier" + new string('y', 60)));
}
