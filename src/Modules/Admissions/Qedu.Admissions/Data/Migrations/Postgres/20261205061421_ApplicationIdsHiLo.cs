using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Admissions.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApplicationIdsHiLo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "application_ids",
                schema: "admissions",
                incrementBy: 100);

            // Ids already given go on being unique: the first block starts after the highest.
            migrationBuilder.Sql(
                "SELECT setval('admissions.application_ids', COALESCE((SELECT MAX(id) FROM admissions.applications), 0) + 1, false);");

            migrationBuilder.AlterColumn<long>(
                name: "id",
                schema: "admissions",
                table: "applications",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropSequence(
                name: "application_ids",
                schema: "admissions");

            migrationBuilder.AlterColumn<long>(
                name: "id",
                schema: "admissions",
                table: "applications",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }
    }
}
