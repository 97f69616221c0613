using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Inspection.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inspection_assignments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    inspector_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    inspector_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    assigned_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    assigned_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_assignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_evaluations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    evaluator_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    scheme_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<decimal>(type: "TEXT", nullable: true),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_evaluations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_experts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_experts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_visits",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    inspector_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    visited_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    report = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    findings = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_visits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_evaluation_scores",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    evaluation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    indicator_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    score = table.Column<decimal>(type: "TEXT", nullable: false),
                    evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    scored_at = table.Column<long>(type: "INTEGER", nullable: false),
                    scored_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_evaluation_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspection_evaluation_scores_inspection_evaluations_evaluation_id",
                        column: x => x.evaluation_id,
                        principalTable: "inspection_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inspection_visit_findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    visit_id = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    serious = table.Column<bool>(type: "INTEGER", nullable: false),
                    rectification_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_visit_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspection_visit_findings_inspection_visits_visit_id",
                        column: x => x.visit_id,
                        principalTable: "inspection_visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_assignments_inspector_user_id",
                table: "inspection_assignments",
                column: "inspector_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_assignments_org_unit_id",
                table: "inspection_assignments",
                column: "org_unit_id",
                unique: true,
                filter: "ended_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_evaluation_scores_evaluation_id_indicator_code",
                table: "inspection_evaluation_scores",
                columns: new[] { "evaluation_id", "indicator_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspection_evaluations_org_unit_id_scheme_code_year",
                table: "inspection_evaluations",
                columns: new[] { "org_unit_id", "scheme_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspection_experts_org_unit_id_kind",
                table: "inspection_experts",
                columns: new[] { "org_unit_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_visit_findings_visit_id",
                table: "inspection_visit_findings",
                column: "visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_visits_org_unit_id_visited_on",
                table: "inspection_visits",
                columns: new[] { "org_unit_id", "visited_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspection_assignments");

            migrationBuilder.DropTable(
                name: "inspection_evaluation_scores");

            migrationBuilder.DropTable(
                name: "inspection_experts");

            migrationBuilder.DropTable(
                name: "inspection_visit_findings");

            migrationBuilder.DropTable(
                name: "inspection_evaluations");

            migrationBuilder.DropTable(
                name: "inspection_visits");
        }
    }
}
