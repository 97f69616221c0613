using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Admissions.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApplicationChangedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "changed_at",
                table: "admissions_applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_admissions_applications_changed_at",
                table: "admissions_applications",
                column: "changed_at",
                filter: "changed_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_admissions_applications_changed_at",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "changed_at",
                table: "admissions_applications");
        }
    }
}
