using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HomeTeaching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_home_teaching_plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    reason = table.Column<byte[]>(type: "BLOB", nullable: false),
                    teachers = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    visits_per_month = table.Column<int>(type: "INTEGER", nullable: false),
                    hours_per_visit = table.Column<double>(type: "REAL", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_home_teaching_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "growth_home_teaching_visits",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    plan_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    teachers = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    hours = table.Column<double>(type: "REAL", nullable: false),
                    content = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_home_teaching_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_growth_home_teaching_visits_growth_home_teaching_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "growth_home_teaching_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_growth_home_teaching_plans_org_unit_id",
                table: "growth_home_teaching_plans",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_growth_home_teaching_plans_student_id",
                table: "growth_home_teaching_plans",
                column: "student_id",
                unique: true,
                filter: "ended_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_growth_home_teaching_visits_plan_id_day",
                table: "growth_home_teaching_visits",
                columns: new[] { "plan_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_home_teaching_visits");

            migrationBuilder.DropTable(
                name: "growth_home_teaching_plans");
        }
    }
}
