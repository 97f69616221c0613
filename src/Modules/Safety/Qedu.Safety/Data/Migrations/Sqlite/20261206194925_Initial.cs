using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Safety.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "safety_canteens",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    licence_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    licence_expires = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    standard = table.Column<bool>(type: "INTEGER", nullable: false),
                    seats = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_canteens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "safety_draws",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    population = table.Column<int>(type: "INTEGER", nullable: false),
                    schools = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    drawn_at = table.Column<long>(type: "INTEGER", nullable: false),
                    drawn_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_draws", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "safety_drills",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    participants = table.Column<int>(type: "INTEGER", nullable: false),
                    problems = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_drills", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "safety_inspections",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    inspector_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    draw_id = table.Column<long>(type: "INTEGER", nullable: true),
                    inspected_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    checklists = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    items = table.Column<int>(type: "INTEGER", nullable: false),
                    failed = table.Column<int>(type: "INTEGER", nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_inspections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "safety_security_teams",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    members = table.Column<int>(type: "INTEGER", nullable: false),
                    leader = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    updated_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_security_teams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "safety_findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    inspection_id = table.Column<long>(type: "INTEGER", nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    checklist_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    serious = table.Column<bool>(type: "INTEGER", nullable: false),
                    rectification_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_safety_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_safety_findings_safety_inspections_inspection_id",
                        column: x => x.inspection_id,
                        principalTable: "safety_inspections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_safety_canteens_licence_expires",
                table: "safety_canteens",
                column: "licence_expires");

            migrationBuilder.CreateIndex(
                name: "ix_safety_canteens_org_unit_id",
                table: "safety_canteens",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_safety_draws_org_unit_id_drawn_at",
                table: "safety_draws",
                columns: new[] { "org_unit_id", "drawn_at" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_drills_org_unit_id_held_on",
                table: "safety_drills",
                columns: new[] { "org_unit_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_findings_inspection_id",
                table: "safety_findings",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_safety_findings_rectification_id",
                table: "safety_findings",
                column: "rectification_id");

            migrationBuilder.CreateIndex(
                name: "ix_safety_inspections_draw_id",
                table: "safety_inspections",
                column: "draw_id");

            migrationBuilder.CreateIndex(
                name: "ix_safety_inspections_org_unit_id_inspected_on",
                table: "safety_inspections",
                columns: new[] { "org_unit_id", "inspected_on" });

            migrationBuilder.CreateIndex(
                name: "ix_safety_security_teams_org_unit_id_kind",
                table: "safety_security_teams",
                columns: new[] { "org_unit_id", "kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "safety_canteens");

            migrationBuilder.DropTable(
                name: "safety_draws");

            migrationBuilder.DropTable(
                name: "safety_drills");

            migrationBuilder.DropTable(
                name: "safety_findings");

            migrationBuilder.DropTable(
                name: "safety_security_teams");

            migrationBuilder.DropTable(
                name: "safety_inspections");
        }
    }
}
