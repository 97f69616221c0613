using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Indicators.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Forms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "form_rounds",
                schema: "indicators",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    form_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "form_returns",
                schema: "indicators",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    round_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    form_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    saved_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    first_submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    late = table.Column<bool>(type: "boolean", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    review_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_returns", x => x.id);
                    table.ForeignKey(
                        name: "fk_form_returns_form_rounds_round_id",
                        column: x => x.round_id,
                        principalSchema: "indicators",
                        principalTable: "form_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "form_return_values",
                schema: "indicators",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    return_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    field_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    number = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_return_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_form_return_values_form_returns_return_id",
                        column: x => x.return_id,
                        principalSchema: "indicators",
                        principalTable: "form_returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_form_return_values_return_id_field_code",
                schema: "indicators",
                table: "form_return_values",
                columns: new[] { "return_id", "field_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_form_returns_form_code_period_org_unit_id",
                schema: "indicators",
                table: "form_returns",
                columns: new[] { "form_code", "period", "org_unit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_form_returns_org_unit_id",
                schema: "indicators",
                table: "form_returns",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_form_returns_round_id_state",
                schema: "indicators",
                table: "form_returns",
                columns: new[] { "round_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_form_rounds_form_code_period",
                schema: "indicators",
                table: "form_rounds",
                columns: new[] { "form_code", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_form_rounds_org_unit_id",
                schema: "indicators",
                table: "form_rounds",
                column: "org_unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "form_return_values",
                schema: "indicators");

            migrationBuilder.DropTable(
                name: "form_returns",
                schema: "indicators");

            migrationBuilder.DropTable(
                name: "form_rounds",
                schema: "indicators");
        }
    }
}
