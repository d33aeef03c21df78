import { noNodePortService } from "../../src/policies/no-nodeport-service.js";
import { serviceTypeCases } from "../service-cases.js";

serviceTypeCases(noNodePortService, "NodePort");
