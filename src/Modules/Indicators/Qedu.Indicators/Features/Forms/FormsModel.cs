using Microsoft.EntityFrameworkCore;
using Qedu.Indicators.Domain;
using Qedu.Indicators.Features.Forms.Definitions;

namespace Qedu.Indicators.Features.Forms;

/// <summary>The collection forms' tables in the indicators module's model (called from IndicatorsDb).</summary>
internal static class FormsModel
{
    public static void Map(ModelBuilder builder)
    {
        builder.Entity<FormRound>(b =>
        {
            b.ToTable("form_rounds");
            b.HasIndex(x => new { x.FormCode, x.Period });
            b.HasIndex(x => x.OrgUnitId);
            b.Property(x => x.FormCode).HasMaxLength(64);
            b.Property(x => x.Period).HasMaxLength(7);
            b.Property(x => x.SentBy).HasMaxLength(100);
        });
        builder.Entity<FormReturn>(b =>
        {
            b.ToTable("form_returns");
            b.HasOne<FormRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.FormCode, x.Period, x.OrgUnitId }).IsUnique();
            b.HasIndex(x => new { x.RoundId, x.State });
            b.HasIndex(x => x.OrgUnitId);
            b.Property(x => x.FormCode).HasMaxLength(64);
            b.Property(x => x.Period).HasMaxLength(7);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.SavedBy).HasMaxLength(100);
            b.Property(x => x.SubmittedBy).HasMaxLength(100);
            b.Property(x => x.ReviewedBy).HasMaxLength(100);
            b.Property(x => x.ReviewComment).HasMaxLength(FormCommands.MaxComment);
            b.Property(x => x.Revision).IsConcurrencyToken();
        });
        builder.Entity<FormReturnValue>(b =>
        {
            b.ToTable("form_return_values");
            b.HasOne<FormReturn>().WithMany().HasForeignKey(x => x.ReturnId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.ReturnId, x.FieldCode }).IsUnique();
            b.Property(x => x.FieldCode).HasMaxLength(64);
            b.Property(x => x.Number).HasPrecision(18, 4);
            b.Property(x => x.Text).HasMaxLength(FormCatalog.MaxTextLength);
        });
    }
}
