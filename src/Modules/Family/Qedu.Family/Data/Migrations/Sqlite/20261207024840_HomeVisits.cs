using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Family.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HomeVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "family_home_visits",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    class_id = table.Column<long>(type: "INTEGER", nullable: true),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    planned_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    teacher = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    form = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visited_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    participants = table.Column<byte[]>(type: "BLOB", nullable: true),
                    notes = table.Column<byte[]>(type: "BLOB", nullable: true),
                    cancelled_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    cancel_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    planned_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    planned_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_home_visits", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_family_home_visits_org_unit_id_status_visited_on",
                table: "family_home_visits",
                columns: new[] { "org_unit_id", "status", "visited_on" });

            migrationBuilder.CreateIndex(
                name: "ix_family_home_visits_student_id",
                table: "family_home_visits",
                column: "student_id",
                unique: true,
                filter: "status = 'Planned'");

            migrationBuilder.CreateIndex(
                name: "ix_family_home_visits_student_id_planned_on",
                table: "family_home_visits",
                columns: new[] { "student_id", "planned_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "family_home_visits");
        }
    }
}
