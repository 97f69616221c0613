using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MentalHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_mental_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    grade_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    stage = table.Column<int>(type: "INTEGER", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    next_follow_up_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    open = table.Column<bool>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_mental_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "growth_mental_screenings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    grade_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    school_year = table.Column<int>(type: "INTEGER", nullable: false),
                    screened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    instrument = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    risk_item = table.Column<bool>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_mental_screenings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "growth_mental_case_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    stage = table.Column<int>(type: "INTEGER", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    note = table.Column<byte[]>(type: "BLOB", nullable: false),
                    referred_to = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_mental_case_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_growth_mental_case_entries_growth_mental_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "growth_mental_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_growth_mental_case_entries_case_id",
                table: "growth_mental_case_entries",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_growth_mental_cases_org_unit_id_open",
                table: "growth_mental_cases",
                columns: new[] { "org_unit_id", "open" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_mental_cases_student_id",
                table: "growth_mental_cases",
                column: "student_id",
                unique: true,
                filter: "open = 1");

            migrationBuilder.CreateIndex(
                name: "ix_growth_mental_screenings_school_year_org_unit_id",
                table: "growth_mental_screenings",
                columns: new[] { "school_year", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_mental_screenings_student_id_screened_on",
                table: "growth_mental_screenings",
                columns: new[] { "student_id", "screened_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_mental_case_entries");

            migrationBuilder.DropTable(
                name: "growth_mental_screenings");

            migrationBuilder.DropTable(
                name: "growth_mental_cases");
        }
    }
}
