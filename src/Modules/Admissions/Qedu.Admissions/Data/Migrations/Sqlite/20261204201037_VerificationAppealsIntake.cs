using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Admissions.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VerificationAppealsIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "latitude",
                table: "admissions_zone_lines",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "longitude",
                table: "admissions_zone_lines",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "latitude",
                table: "admissions_season_schools",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "longitude",
                table: "admissions_season_schools",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "agency_insurance_months",
                table: "admissions_applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "appeal_answer",
                table: "admissions_applications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "appeal_answered_at",
                table: "admissions_applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "appeal_reason",
                table: "admissions_applications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "appeal_status",
                table: "admissions_applications",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<long>(
                name: "appealed_at",
                table: "admissions_applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "checked_at",
                table: "admissions_applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "enrolled_at",
                table: "admissions_applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "home_latitude",
                table: "admissions_applications",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "home_longitude",
                table: "admissions_applications",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hukou_check",
                table: "admissions_applications",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "Unchecked");

            migrationBuilder.AddColumn<string>(
                name: "insurance_check",
                table: "admissions_applications",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "Unchecked");

            migrationBuilder.AddColumn<double>(
                name: "offer_distance_km",
                table: "admissions_applications",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "offer_route",
                table: "admissions_applications",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Allocation");

            migrationBuilder.AddColumn<string>(
                name: "property_check",
                table: "admissions_applications",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "Unchecked");

            migrationBuilder.AddColumn<long>(
                name: "student_id",
                table: "admissions_applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "admissions_verification_imports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    season_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    file_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    rows = table.Column<int>(type: "INTEGER", nullable: false),
                    verified = table.Column<int>(type: "INTEGER", nullable: false),
                    mismatched = table.Column<int>(type: "INTEGER", nullable: false),
                    not_found = table.Column<int>(type: "INTEGER", nullable: false),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admissions_verification_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_admissions_verification_imports_admissions_seasons_season_id",
                        column: x => x.season_id,
                        principalTable: "admissions_seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_admissions_applications_student_id",
                table: "admissions_applications",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_admissions_verification_imports_season_id",
                table: "admissions_verification_imports",
                column: "season_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admissions_verification_imports");

            migrationBuilder.DropIndex(
                name: "ix_admissions_applications_student_id",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "latitude",
                table: "admissions_zone_lines");

            migrationBuilder.DropColumn(
                name: "longitude",
                table: "admissions_zone_lines");

            migrationBuilder.DropColumn(
                name: "latitude",
                table: "admissions_season_schools");

            migrationBuilder.DropColumn(
                name: "longitude",
                table: "admissions_season_schools");

            migrationBuilder.DropColumn(
                name: "agency_insurance_months",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "appeal_answer",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "appeal_answered_at",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "appeal_reason",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "appeal_status",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "appealed_at",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "checked_at",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "enrolled_at",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "home_latitude",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "home_longitude",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "hukou_check",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "insurance_check",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "offer_distance_km",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "offer_route",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "property_check",
                table: "admissions_applications");

            migrationBuilder.DropColumn(
                name: "student_id",
                table: "admissions_applications");
        }
    }
}
