using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;
using Qedu.Kernel.PersonalData;

namespace Qedu.Kernel.Tests.PersonalData;

/// <summary>Masking of identifying data, and who may see it unmasked.</summary>
public sealed class PersonalDataAccessTests(SeededCity city) : IClassFixture<SeededCity>
{
    [Theory]
    [InlineData("370202201907050020", false, "370202********0020")]
    [InlineData("370202201907050020", true, "370202201907050020")]
    public void Resident_ids_keep_only_the_division_and_the_last_four(string id, bool unmasked, string expected) =>
        Assert.Equal(expected, PersonalDataAccess.MaskResidentId(id, unmasked));

    [Theory]
    [InlineData("G370202201907050020", "G370202********0020")]
    [InlineData("L2026001", "L2026001")] // too short to carry a resident ID: nothing to hide
    public void Student_numbers_hide_the_resident_id_they_carry(string number, string expected) =>
        Assert.Equal(expected, PersonalDataAccess.MaskStudentNumber(number, unmasked: false));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0532-8123", "053**8123")]
    [InlineData("12345", "*****")]
    public void Phones_keep_the_first_three_and_last_four_digits(string phone, string expected) =>
        Assert.Equal(expected, PersonalDataAccess.MaskPhone(phone, unmasked: false));

    [Fact]
    public void Nothing_to_mask_stays_nothing() =>
        Assert.Null(PersonalDataAccess.MaskPhone(null, unmasked: false));

    [Fact]
    public async Task Only_units_under_a_pii_view_grant_are_unmasked()
    {
        var ids = await city.Host.OrgIdsAsync();
        var anchor = ids[Demo.AnchorSchool];
        var shibei = ids[Demo.Shibei];

        await using (var scope = city.Host.Scope(await city.Host.UserAsync(Roles.SchoolAdmin, Demo.AnchorSchool)))
        {
            var visible = await scope.ServiceProvider.GetRequiredService<PersonalDataAccess>().UnmaskedOrgsAsync([anchor, shibei]);
            Assert.Equal([anchor], visible);
        }
        // A district admin reads the registry but holds no pii.view: everything stays masked.
        await using (var scope = city.Host.Scope(await city.Host.UserAsync(Roles.DistrictAdmin, Demo.Shinan)))
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<PersonalDataAccess>().UnmaskedOrgsAsync([anchor]));
        }
    }

    [Fact]
    public async Task An_unmasked_read_is_audited_with_the_ids_seen()
    {
        await using var scope = city.Host.Scope(await city.Host.UserAsync(Roles.Teacher, Demo.AnchorSchool));
        await scope.ServiceProvider.GetRequiredService<PersonalDataAccess>().RecordUnmaskedReadAsync("Student", [11, 12]);

        var line = await scope.ServiceProvider.GetRequiredService<KernelDb>().AuditEntries
            .OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(("pii.read", "Student", "ids=11,12"), (line.Action, line.EntityType, line.Details));
    }
}
