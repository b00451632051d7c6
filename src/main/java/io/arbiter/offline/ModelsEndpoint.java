package io.arbiter.offline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /v1/models}: lists the demo models in OpenAI's list shape. */
final class ModelsEndpoint implements Endpoint {

    @Override
    public ApiResponse handle(ApiRequest request) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode data = f.arrayNode();
        for (String id : DemoModels.ALL) {
            ObjectNode model = data.addObject();
            model.put("id", id);
            model.put("object", "model");
            model.put("created", DemoModels.CREATED_EPOCH_SECONDS);
            model.put("owned_by", DemoModels.OWNER);
        }
        ObjectNode list = f.objectNode();
        list.put("object", "list");
        list.set("data", data);
        return ApiResponse.ok(list);
    }
}
