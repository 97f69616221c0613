using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Safety.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "safety");

            migrationBuilder.CreateTable(
                name: "canteens",
                schema: "safety",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    licence_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    licence_expires = table.Column<DateOnly>(type: "date", nullable: false),
                    standard = table.Column<bool>(type: "boolean", nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_canteens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "draws",
                schema: "safety",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    schools = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    drawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    drawn_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draws", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "drills",
                schema: "safety",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    problems = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drills", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                schema: "safety",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    inspector_unit_id = table.Column<int>(type: "integer", nullable: false),
                    draw_id = table.Column<long>(type: "bigint", nullable: true),
                    inspected_on = table.Column<DateOnly>(type: "date", nullable: false),
                    checklists = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    items = table.Column<int>(type: "integer", nullable: false),
                    failed = table.Column<int>(type: "integer", nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "security_teams",
                schema: "safety",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    members = table.Column<int>(type: "integer", nullable: false),
                    leader = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    updated_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_security_teams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "findings",
                schema: "safety",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    inspection_id = table.Column<long>(type: "bigint", nullable: false),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    checklist_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    serious = table.Column<bool>(type: "boolean", nullable: false),
                    rectification_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_findings_inspections_inspection_id",
                        column: x => x.inspection_id,
                        principalSchema: "safety",
                        principalTable: "inspections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_canteens_licence_expires",
                schema: "safety",
                table: "canteens",
                column: "licence_expires");

            migrationBuilder.CreateIndex(
                name: "ix_canteens_org_unit_id",
                schema: "safety",
                table: "canteens",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_draws_org_unit_id_drawn_at",
                schema: "safety",
                table: "draws",
                columns: new[] { "org_unit_id", "drawn_at" });

            migrationBuilder.CreateIndex(
                name: "ix_drills_org_unit_id_held_on",
                schema: "safety",
                table: "drills",
                columns: new[] { "org_unit_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_findings_inspection_id",
                schema: "safety",
                table: "findings",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_findings_rectification_id",
                schema: "safety",
                table: "findings",
                column: "rectification_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_draw_id",
                schema: "safety",
                table: "inspections",
                column: "draw_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_org_unit_id_inspected_on",
                schema: "safety",
                table: "inspections",
                columns: new[] { "org_unit_id", "inspected_on" });

            migrationBuilder.CreateIndex(
                name: "ix_security_teams_org_unit_id_kind",
                schema: "safety",
                table: "security_teams",
                columns: new[] { "org_unit_id", "kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "canteens",
                schema: "safety");

            migrationBuilder.DropTable(
                name: "draws",
                schema: "safety");

            migrationBuilder.DropTable(
                name: "drills",
                schema: "safety");

            migrationBuilder.DropTable(
                name: "findings",
                schema: "safety");

            migrationBuilder.DropTable(
                name: "security_teams",
                schema: "safety");

            migrationBuilder.DropTable(
                name: "inspections",
                schema: "safety");
        }
    }
}
