using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Inspection.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "inspection");

            migrationBuilder.CreateTable(
                name: "assignments",
                schema: "inspection",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    inspector_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspector_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    assigned_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    assigned_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evaluations",
                schema: "inspection",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    evaluator_unit_id = table.Column<int>(type: "integer", nullable: false),
                    scheme_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<decimal>(type: "numeric", nullable: true),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "experts",
                schema: "inspection",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                schema: "inspection",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    inspector_unit_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    report = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    findings = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_scores",
                schema: "inspection",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    evaluation_id = table.Column<long>(type: "bigint", nullable: false),
                    indicator_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    score = table.Column<decimal>(type: "numeric", nullable: false),
                    evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    scored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    scored_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluation_scores_evaluations_evaluation_id",
                        column: x => x.evaluation_id,
                        principalSchema: "inspection",
                        principalTable: "evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visit_findings",
                schema: "inspection",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    visit_id = table.Column<long>(type: "bigint", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    serious = table.Column<bool>(type: "boolean", nullable: false),
                    rectification_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_findings_visits_visit_id",
                        column: x => x.visit_id,
                        principalSchema: "inspection",
                        principalTable: "visits",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_inspector_user_id",
                schema: "inspection",
                table: "assignments",
                column: "inspector_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_assignments_org_unit_id",
                schema: "inspection",
                table: "assignments",
                column: "org_unit_id",
                unique: true,
                filter: "ended_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_scores_evaluation_id_indicator_code",
                schema: "inspection",
                table: "evaluation_scores",
                columns: new[] { "evaluation_id", "indicator_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evaluations_org_unit_id_scheme_code_year",
                schema: "inspection",
                table: "evaluations",
                columns: new[] { "org_unit_id", "scheme_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_experts_org_unit_id_kind",
                schema: "inspection",
                table: "experts",
                columns: new[] { "org_unit_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_visit_findings_visit_id",
                schema: "inspection",
                table: "visit_findings",
                column: "visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_visits_org_unit_id_visited_on",
                schema: "inspection",
                table: "visits",
                columns: new[] { "org_unit_id", "visited_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignments",
                schema: "inspection");

            migrationBuilder.DropTable(
                name: "evaluation_scores",
                schema: "inspection");

            migrationBuilder.DropTable(
                name: "experts",
                schema: "inspection");

            migrationBuilder.DropTable(
                name: "visit_findings",
                schema: "inspection");

            migrationBuilder.DropTable(
                name: "evaluations",
                schema: "inspection");

            migrationBuilder.DropTable(
                name: "visits",
                schema: "inspection");
        }
    }
}
