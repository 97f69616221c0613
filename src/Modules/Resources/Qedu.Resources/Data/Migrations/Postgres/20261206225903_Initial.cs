using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Resources.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "resources");

            migrationBuilder.CreateTable(
                name: "items",
                schema: "resources",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    reviewer_unit_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: true),
                    subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    edition = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    chapter = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    keywords = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reach = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    award = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    file_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    media_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    length = table.Column<long>(type: "bigint", nullable: true),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    search_text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    downloads = table.Column<int>(type: "integer", nullable: false),
                    opens = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_by_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    review_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    retired_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    retired_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pairings",
                schema: "resources",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    urban_school_id = table.Column<int>(type: "integer", nullable: false),
                    decided_by_unit_id = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pairings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ratings",
                schema: "resources",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    item_id = table.Column<long>(type: "bigint", nullable: false),
                    account_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    stars = table.Column<int>(type: "integer", nullable: false),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_ratings_items_item_id",
                        column: x => x.item_id,
                        principalSchema: "resources",
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sync_sessions",
                schema: "resources",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    pairing_id = table.Column<long>(type: "bigint", nullable: false),
                    slot_id = table.Column<long>(type: "bigint", nullable: true),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    held = table.Column<bool>(type: "boolean", nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    present = table.Column<int>(type: "integer", nullable: false),
                    enrolled = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_sync_sessions_pairings_pairing_id",
                        column: x => x.pairing_id,
                        principalSchema: "resources",
                        principalTable: "pairings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sync_slots",
                schema: "resources",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    pairing_id = table.Column<long>(type: "bigint", nullable: false),
                    subject = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    teacher = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    urban_class = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    rural_class = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    weekday = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_slots", x => x.id);
                    table.ForeignKey(
                        name: "fk_sync_slots_pairings_pairing_id",
                        column: x => x.pairing_id,
                        principalSchema: "resources",
                        principalTable: "pairings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_items_file_hash",
                schema: "resources",
                table: "items",
                column: "file_hash");

            migrationBuilder.CreateIndex(
                name: "ix_items_org_unit_id",
                schema: "resources",
                table: "items",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_items_reviewer_unit_id",
                schema: "resources",
                table: "items",
                column: "reviewer_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_items_state_reach_district_id",
                schema: "resources",
                table: "items",
                columns: new[] { "state", "reach", "district_id" });

            migrationBuilder.CreateIndex(
                name: "ix_pairings_org_unit_id",
                schema: "resources",
                table: "pairings",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_pairings_urban_school_id",
                schema: "resources",
                table: "pairings",
                column: "urban_school_id");

            migrationBuilder.CreateIndex(
                name: "ix_ratings_item_id_account_id",
                schema: "resources",
                table: "ratings",
                columns: new[] { "item_id", "account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ratings_org_unit_id",
                schema: "resources",
                table: "ratings",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_sync_sessions_org_unit_id",
                schema: "resources",
                table: "sync_sessions",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_sync_sessions_pairing_id_on",
                schema: "resources",
                table: "sync_sessions",
                columns: new[] { "pairing_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_sync_slots_org_unit_id",
                schema: "resources",
                table: "sync_slots",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_sync_slots_pairing_id",
                schema: "resources",
                table: "sync_slots",
                column: "pairing_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ratings",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "sync_sessions",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "sync_slots",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "items",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "pairings",
                schema: "resources");
        }
    }
}
