using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.StudentServices.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropoutLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "services_dropout_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    student_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    district_id = table.Column<int>(type: "INTEGER", nullable: true),
                    last_attended_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reported_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    details = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    reported_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_dropout_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "services_dropout_follow_ups",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_id = table.Column<long>(type: "INTEGER", nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_dropout_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_services_dropout_follow_ups_services_dropout_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "services_dropout_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dropout_cases_one_open_per_student",
                table: "services_dropout_cases",
                column: "student_id",
                unique: true,
                filter: "state = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_services_dropout_cases_number",
                table: "services_dropout_cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_dropout_cases_org_unit_id_state",
                table: "services_dropout_cases",
                columns: new[] { "org_unit_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_services_dropout_follow_ups_case_id_on",
                table: "services_dropout_follow_ups",
                columns: new[] { "case_id", "on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "services_dropout_follow_ups");

            migrationBuilder.DropTable(
                name: "services_dropout_cases");
        }
    }
}
